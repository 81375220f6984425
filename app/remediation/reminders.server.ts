import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { findingText } from '../i18n/finding-text.ts'
import { issueExtraLink } from '../invitations/invitations.server.ts'
import { nowIso } from '../utils/ids.ts'
import {
  claimRequestReminder,
  listItems,
  listOverdueRequests,
  markLapsedAcceptances,
  markOpenItemsOverdue,
} from './queries.server.ts'
import type { ItemFinding } from './remediation.ts'
import { emailVendorWithLink } from './vendor-email.server.ts'

const DAY_MS = 86_400_000

/**
 * Overdue requests (a durable job, hourly): items still open the day after the due date become
 * overdue (audited), and the vendor gets a reminder at most once a day while any item waits. Each
 * request is claimed by a conditional update before its email, so two runners send one email.
 */
export async function sendOverdueRemediationReminders(
  db: Kysely<Database>,
  { origin, now = new Date() }: { origin: string; now?: Date },
): Promise<{ reminded: number }> {
  const today = nowIso(now).slice(0, 10)
  const at = nowIso(now)
  let reminded = 0
  for (const request of await listOverdueRequests(db, { today })) {
    await db.transaction().execute(async (trx) => {
      const count = await markOpenItemsOverdue(trx, { requestId: request.id, now: at })
      if (count > 0) {
        await recordAuditEvent(trx, {
          organisationId: request.organisationId,
          engagementId: request.engagementId,
          actor: { type: 'system' },
          action: 'remediation.overdue',
          subjectType: 'remediation_request',
          subjectId: request.id,
          detail: { items: count, dueOn: request.dueOn },
        })
      }
    })
    const overdue = (await listItems(db, { requestIds: [request.id] })).filter((i) => i.state === 'overdue')
    const waiting = overdue.length
    if (waiting === 0) continue
    if (request.lastReminderAt && now.getTime() - Date.parse(request.lastReminderAt) < DAY_MS) continue
    if (!(await claimRequestReminder(db, { requestId: request.id, seen: request.lastReminderAt, now: at }))) continue
    const token = await issueExtraLink(db, { invitationId: request.invitationId })
    const sent = await emailVendorWithLink(db, {
      organisationId: request.organisationId,
      invitationId: request.invitationId,
      kind: 'remediation-overdue',
      token,
      origin,
      // The items still waiting, each finding in the vendor's language (findingText).
      compose: (email, context) =>
        email.remediationOverdue({
          ...context,
          dueDate: request.dueOn,
          count: waiting,
          items: overdue.map((i) => findingText(i.ruleId, context.locale, JSON.parse(i.findingJson) as ItemFinding)),
        }),
    })
    await recordAuditEvent(db, {
      organisationId: request.organisationId,
      engagementId: request.engagementId,
      actor: { type: 'system' },
      action: 'remediation.reminded',
      subjectType: 'remediation_request',
      subjectId: request.id,
      detail: { items: waiting, emailStatus: sent.status },
    })
    reminded++
  }
  return { reminded }
}

/**
 * Acceptances past their end date are recorded as lapsed (a durable job, hourly; audited once
 * each). Pages never wait for it: whether an acceptance holds is decided by its date when read.
 */
export async function recordLapsedAcceptances(db: Kysely<Database>, { now = new Date() }: { now?: Date } = {}) {
  return db.transaction().execute(async (trx) => {
    const lapsed = await markLapsedAcceptances(trx, { today: nowIso(now).slice(0, 10), now: nowIso(now) })
    for (const a of lapsed) {
      await recordAuditEvent(trx, {
        organisationId: a.organisation_id,
        engagementId: a.engagement_id,
        actor: { type: 'system' },
        action: 'risk.acceptance-lapsed',
        subjectType: 'risk_acceptance',
        subjectId: a.id,
        detail: { invitationId: a.invitation_id, ruleId: a.rule_id, endsOn: a.ends_on },
      })
    }
    return lapsed.length
  })
}
