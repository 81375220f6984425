import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import type { FormEvent } from 'react'
import { type FieldValues, useForm } from 'react-hook-form'
import type { z } from 'zod'
import type { FieldErrors } from '../utils/forms.ts'

/**
 * react-hook-form driven by the form's zod schema: validates in the browser, then submits the
 * native form through Remix, so the server parses exactly the same fields with the same schema
 * (and the form still works as a plain POST without JavaScript). Server errors show until the
 * field changes.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  serverErrors: FieldErrors | undefined,
) {
  const submit = useSubmit()
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never),
    mode: 'onTouched',
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget
    void form.handleSubmit(() => submit(target))(event)
  }
  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message
    if (client) return client
    const dirty = (form.formState.dirtyFields as Record<string, unknown>)[name]
    return dirty ? undefined : serverErrors?.[name]
  }
  return { form, onSubmit, errorFor }
}
