import { closeDb, getDb, migrateToLatest } from '../app/db.server.ts'
import { getEnv } from '../app/env.server.ts'
import { sendDueReminders } from '../app/invitations/reminders.server.ts'

/**
 * `npm run reminders`: sends the vendor reminders due now, once, for cron. Safe to run while the
 * server's own scheduler runs: each invitation is claimed before its email goes out.
 */
const env = getEnv()
await migrateToLatest(getDb())
const result = await sendDueReminders(getDb(), { origin: env.publicUrl })
console.log(
  `Reminders: ${result.sent} sent, ${result.failed} failed (${result.checked} open invitations with a due date checked).`,
)
await closeDb()
if (result.failed > 0) process.exit(1)
