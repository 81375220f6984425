import type { z } from 'zod'
import { emptyRecord, setPath } from './safe-path.ts'

export type FieldErrors = Record<string, string>

/** The first message per field of a failed zod parse, keyed by the field's dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form'
    errors[key] ??= issue.message
  }
  return errors
}

/**
 * Parses a submitted form with the same zod schema the browser used. Strings only: a plain form
 * post (no JavaScript) and the enhanced one send the same fields.
 */
export function parseFormData<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const values = emptyRecord<string>()
  for (const [key, value] of formData) if (typeof value === 'string') values[key] = value
  const parsed = schema.safeParse(values)
  if (parsed.success) return { ok: true, data: parsed.data }
  return { ok: false, errors: fieldErrorsOf(parsed.error), values: withoutSecrets(values) }
}

function withoutSecrets(values: Record<string, string>) {
  const { password: _password, ...rest } = values
  return rest
}

/**
 * Submitted fields to a nested object: dotted names become nesting (`profile.flags.dodContractor`)
 * and a name sent more than once (checkboxes) becomes an array. Parse the result with the form's
 * zod schema, exactly as react-hook-form's values are parsed in the browser. The objects have no
 * prototype, and a name with a `__proto__`, `constructor` or `prototype` segment throws
 * `UnsafePathError` (see safe-path.ts): a form field can never reach `Object.prototype`.
 */
export function nestedFormValues(formData: FormData): Record<string, unknown> {
  const root = emptyRecord()
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === 'string')
    setPath(root, key, values.length > 1 ? values : values[0])
  }
  return root
}
