import { nestedFormValues } from './forms.ts'
import { UnsafePathError } from './safe-path.ts'

/** A 400 with a plain message, thrown from a route: the route's error boundary shows the message. */
export function badRequest(message: string): Response {
  return new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * `nestedFormValues` for a route: a field name that could reach an object's prototype
 * (`__proto__.x`, `constructor.prototype.x`) is refused with a 400, and nothing is saved.
 */
export function nestedFormValuesOr400(formData: FormData): Record<string, unknown> {
  try {
    return nestedFormValues(formData)
  } catch (error) {
    if (error instanceof UnsafePathError) throw badRequest(error.message)
    throw error
  }
}
