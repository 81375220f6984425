const DAY_MS = 86_400_000
/** Without a due date, a link lasts this long. */
const DEFAULT_LINK_DAYS = 30

/**
 * When a new vendor link expires: a week after the engagement's due date (the vendor may be a
 * little late), or 30 days from now without one. Pure, so the demo seed uses the same rule.
 */
export function defaultExpiry(dueDate: string | null, now: Date = new Date()): string {
  if (!dueDate) return new Date(now.getTime() + DEFAULT_LINK_DAYS * DAY_MS).toISOString()
  return new Date(Date.parse(`${dueDate}T23:59:59.999Z`) + 7 * DAY_MS).toISOString()
}

/** The address a vendor opens; the token itself is never stored, only its hash. */
export function vendorLink(origin: string, token: string): string {
  return `${origin}/v/${token}`
}
