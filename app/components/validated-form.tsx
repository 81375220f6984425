import { zodResolver } from '@hookform/resolvers/zod'
import { useSubmit } from '@remix-run/react'
import type { FormEvent } from 'react'
import { type FieldValues, type Resolver, useForm } from 'react-hook-form'
import type { z } from 'zod'
import type { FieldErrors } from '../utils/forms.ts'

type Schema = z.ZodType<FieldValues, FieldValues>

/**
 * A schema the page loads when the form is first used (`() => import('…').then((m) => m.Schema)`),
 * instead of with the page: zod builds a form's schemas when their module is evaluated, which on a
 * small page like the login costs more main-thread time than the rest of its hydration
 * (README decision 87).
 */
export type LazySchema<S extends Schema> = () => Promise<S>

/**
 * react-hook-form driven by the form's zod schema: validates in the browser, then submits the
 * native form through Remix, so the server parses exactly the same fields with the same schema
 * (and the form still works as a plain POST without JavaScript). Server errors show until the
 * field changes.
 *
 * Given a `LazySchema`, the schema's module is fetched on the form's first focus (`onFocus`, for
 * the form element) and validation waits for it; should it fail to load (offline), the browser
 * lets the form through and the server's parse answers, as without JavaScript.
 */
export function useValidatedForm<S extends Schema>(schema: S | LazySchema<S>, serverErrors: FieldErrors | undefined) {
  const submit = useSubmit()
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: (typeof schema === 'function' ? lazyResolver(schema) : zodResolver(schema as never)) as never,
    mode: 'onTouched',
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget
    void form.handleSubmit(() => submit(target))(event)
  }
  const onFocus = () => {
    if (typeof schema === 'function') void loadOnce(schema).catch(() => {})
  }
  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message
    if (client) return client
    const dirty = (form.formState.dirtyFields as Record<string, unknown>)[name]
    return dirty ? undefined : serverErrors?.[name]
  }
  return { form, onSubmit, onFocus, errorFor }
}

const loads = new WeakMap<LazySchema<Schema>, Promise<Schema>>()

/** One fetch per schema loader for the page's life (a failed one is tried again next time). */
export function loadOnce(load: LazySchema<Schema>): Promise<Schema> {
  let loading = loads.get(load)
  if (!loading) {
    loading = load()
    loads.set(load, loading)
    loading.catch(() => loads.delete(load))
  }
  return loading
}

/**
 * react-hook-form's resolver for a schema loaded on first use (see `LazySchema`): validation waits
 * for the module; should it fail to load, the form goes through and the server's parse answers.
 */
export function lazyResolver(load: LazySchema<Schema>): Resolver<FieldValues> {
  return async (values, context, options) => {
    let schema: Schema
    try {
      schema = await loadOnce(load)
    } catch {
      return { values, errors: {} }
    }
    return zodResolver(schema as never)(values, context, options as never) as never
  }
}
