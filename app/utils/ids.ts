/** A new random identifier for a row (UUID v4; the same in every dialect). */
export function newId(): string {
  return crypto.randomUUID()
}

/** Now as ISO-8601 text, the one timestamp format of the database. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString()
}
