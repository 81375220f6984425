export { invariantResponse } from '@epic-web/invariant'

/** A safe in-app redirect target: only a path on this site, never another origin. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/app'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
