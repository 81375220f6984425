import { deleteDeadPasswordResets } from '../auth/queries.server.ts'
import { purgeDeadUserSessions } from '../auth/session.server.ts'
import { getDb } from '../db.server.ts'
import { purgeExpiredThrottles } from '../throttles/throttle.server.ts'
import { purgeDeadVendorSessions } from '../vendor-portal/vendor-session.server.ts'

/**
 * Hourly removal (the `housekeeping` job, app/jobs/jobs.server.ts) of rows that can no longer be used: ended sessions, spent or expired reset links,
 * throttle counters of past windows. Reading any of them checks the same limits, so this only keeps
 * the tables small; a missed run changes nothing a user sees.
 */
const HOUR_MS = 3_600_000

export async function purgeDeadRows(now = new Date()): Promise<void> {
  await purgeDeadUserSessions(now)
  await purgeDeadVendorSessions(now)
  await purgeExpiredThrottles(now.getTime())
  await deleteDeadPasswordResets(getDb(), { before: new Date(now.getTime() - HOUR_MS).toISOString() })
}
