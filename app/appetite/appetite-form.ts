import { z } from 'zod'
import type { FieldErrors } from '../utils/forms.ts'
import { RISK_APPETITES } from './policy.ts'

/**
 * The engagement's risk policy as its settings form sends it: the appetite, and the rules whose
 * findings it treats as blockers (checkboxes named `blockingRules`). One schema for the browser
 * (react-hook-form) and the action; whether a rule id exists is the service's check.
 */

export const MAX_BLOCKING_RULES = 200
const RULE_ID = /^[a-z][a-z0-9-]*\.[a-z0-9]+(-[a-z0-9]+)*$/

/** A checkbox group arrives as nothing, one value or several. */
const asList = (value: unknown) =>
  value === undefined || value === null || value === false ? [] : Array.isArray(value) ? value : [value]

export const AppetiteFormSchema = z.object({
  appetite: z.enum(RISK_APPETITES, { error: 'Choose the highest residual risk you accept: low, medium or high.' }),
  blockingRules: z.preprocess(
    asList,
    z
      .array(z.string().regex(RULE_ID, 'Not a rule id'))
      .max(MAX_BLOCKING_RULES, `Choose at most ${MAX_BLOCKING_RULES} rules`)
      .transform((ids) => [...new Set(ids)].sort()),
  ),
})
export type AppetiteFormInput = z.output<typeof AppetiteFormSchema>

/** The submitted fields, read the same way with or without JavaScript. */
export function appetiteFormValues(formData: FormData): { appetite: unknown; blockingRules: unknown[] } {
  return { appetite: formData.get('appetite') ?? undefined, blockingRules: formData.getAll('blockingRules') }
}

/** What saving the form answers: a message, and the fields' errors when it was refused. */
export type AppetiteReply = { ok: boolean; message: string; errors?: FieldErrors }
