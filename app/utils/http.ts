import type { HeadersFunction } from '@remix-run/node'

export { invariantResponse } from '@epic-web/invariant'

/** A route's `headers` export that passes its action's Retry-After (a 429) to the document response. */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

// Any C0 control character or DEL. Browsers strip tabs and newlines from URLs before resolving them,
// so "/\t/evil.test" is "//evil.test" to a browser: such a target is refused, never "cleaned".
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/**
 * A safe in-app redirect target: a path on this site, never another origin. The target is resolved
 * with `new URL` against a placeholder origin, the way a browser would resolve it, and kept only if
 * it stays on that origin; the result is the normalised path, query and fragment.
 *
 * @example safeRedirectPath('/app/engagements?page=2') // '/app/engagements?page=2'
 * @example safeRedirectPath('/\t/evil.test') // '/app' (the fallback)
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/app'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || CONTROL_CHARACTERS.test(to)) return fallback
  const base = 'http://in-app.invalid'
  let url: URL
  try {
    url = new URL(to, base)
  } catch {
    return fallback
  }
  if (url.origin !== base) return fallback
  const path = url.pathname + url.search + url.hash
  // "/\\evil.test" resolves to this origin's "//evil.test", which a second resolution would leave.
  return path.startsWith('//') ? fallback : path
}
