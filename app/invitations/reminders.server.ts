import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { messagesFor } from '../i18n/messages.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { nowIso } from '../utils/ids.ts'
import { issueExtraLink } from './invitations.server.ts'
import { vendorLink } from './links.ts'
import { claimReminder, listReminderCandidates, setLastEmailStatus } from './queries.server.ts'

const DAY_MS = 86_400_000
/** "A few days before the due date". */
export const DUE_SOON_DAYS = 3

export type ReminderKind = 'due-soon' | 'overdue'

/**
 * Which reminder, if any, an open invitation is due today: one "due soon" email within three days of
 * the due date, then an "overdue" email each day after it while the link is valid. Never more than
 * one a day (lastReminderAt).
 */
export function reminderDue(
  inv: { dueDate: string; lastReminderAt: string | null; lastReminderKind: string | null },
  now: Date,
): ReminderKind | null {
  if (inv.lastReminderAt && now.getTime() - Date.parse(inv.lastReminderAt) < DAY_MS) return null
  const today = Date.parse(now.toISOString().slice(0, 10))
  const daysLeft = Math.round((Date.parse(inv.dueDate) - today) / DAY_MS)
  if (daysLeft < 0) return 'overdue'
  if (daysLeft <= DUE_SOON_DAYS && inv.lastReminderKind !== 'due-soon') return 'due-soon'
  return null
}

/**
 * Sends the reminders due now. Each invitation is claimed by a conditional update first, so the
 * scheduler inside the server and `npm run reminders` (cron) running together send one email, not
 * two. Reminder emails carry an extra link of the current generation (only link hashes are stored,
 * so the original link cannot be repeated).
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  { origin, now = new Date() }: { origin: string; now?: Date },
): Promise<{ checked: number; sent: number; failed: number }> {
  const nowText = nowIso(now)
  const candidates = await listReminderCandidates(db, { now: nowText })

  let sent = 0
  let failed = 0
  for (const inv of candidates) {
    if (!inv.dueDate) continue
    const kind = reminderDue(
      { dueDate: inv.dueDate, lastReminderAt: inv.lastReminderAt, lastReminderKind: inv.lastReminderKind },
      now,
    )
    if (!kind) continue
    const claimed = await claimReminder(db, {
      invitationId: inv.id,
      seenReminderAt: inv.lastReminderAt,
      now: nowText,
      kind,
    })
    if (!claimed) continue

    const token = await issueExtraLink(db, { invitationId: inv.id })
    const link = vendorLink(origin, token)
    const { subject, text } = messagesFor(inv.language).email.reminder({
      contactName: inv.contactName,
      buyer: inv.buyerName,
      engagement: inv.engagementName,
      link,
      dueDate: inv.dueDate,
      overdue: kind === 'overdue',
    })
    const result = await sendEmail(db, {
      organisationId: inv.organisationId,
      kind: `vendor-reminder-${kind}`,
      to: inv.contactEmail,
      subject,
      text,
      invitationId: inv.id,
      secrets: [token],
    })
    await setLastEmailStatus(db, { invitationId: inv.id, status: result.status })
    await recordAuditEvent(db, {
      organisationId: inv.organisationId,
      engagementId: inv.engagementId,
      actor: { type: 'system' },
      action: 'invitation.reminded',
      subjectType: 'invitation',
      subjectId: inv.id,
      detail: { kind, emailStatus: result.status },
    })
    if (result.status === 'failed') failed++
    else sent++
  }
  return { checked: candidates.length, sent, failed }
}
