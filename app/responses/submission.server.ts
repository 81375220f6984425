import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { nowIso } from '../utils/ids.ts'
import { ensureResponse } from './answers.server.ts'
import { assessResponse } from './assessments.server.ts'
import {
  findInvitationOfOrganisation,
  hasCurrentAssessment,
  markInvitationReopened,
  markInvitationSubmitted,
  reopenSubmittedResponse,
  submitDraftResponse,
} from './queries.server.ts'

/**
 * Submits a vendor's response and stores its assessment, in ONE transaction: if assessing fails,
 * nothing is submitted and the vendor's retry submits again; once it commits, the response is
 * submitted, audited and assessed together. Idempotent: a double click, a retry or a second tab
 * gives one submission and one audit event; only the first call returns `firstSubmission: true`,
 * so only it emails the buyer. A response submitted without its assessment (before the two were
 * one transaction) is assessed by the next submit.
 *
 * The engine is pure and synchronous (milliseconds), so assessing inside the write transaction
 * holds SQLite's lock only that long.
 *
 * SQL shape: update response set status = 'submitted' where id = ? and status = 'draft';
 *            update invitation …; insert into audit_event …; insert into assessment …
 */
export async function submitResponse(
  db: Kysely<Database>,
  { invitationId }: { invitationId: string },
): Promise<{ firstSubmission: boolean; responseId: string }> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const response = await ensureResponse(trx, { invitationId, now })
    const firstSubmission = await submitDraftResponse(trx, { responseId: response.id, now })
    if (firstSubmission) {
      const invitation = await markInvitationSubmitted(trx, { invitationId, now })
      await recordAuditEvent(trx, {
        organisationId: invitation.organisation_id,
        engagementId: invitation.engagement_id,
        actor: { type: 'vendor', invitationId },
        action: 'response.submitted',
        subjectType: 'response',
        subjectId: response.id,
      })
    }
    if (firstSubmission || !(await hasCurrentAssessment(trx, { responseId: response.id }))) {
      await assessResponse(trx, { responseId: response.id })
    }
    return { firstSubmission, responseId: response.id }
  })
}

/** The buyer reopens a submitted response with a message; the vendor may edit again. Audited. */
export async function reopenResponse(
  db: Kysely<Database>,
  {
    organisationId,
    invitationId,
    userId,
    message,
  }: { organisationId: string; invitationId: string; userId: string; message: string },
): Promise<boolean> {
  // Joins the caller's transaction when given one (reopening and the vendor's new link commit together).
  const work = async (trx: Kysely<Database>) => {
    const now = nowIso()
    const invitation = await findInvitationOfOrganisation(trx, { organisationId, invitationId })
    if (!invitation) return false
    if (!(await reopenSubmittedResponse(trx, { invitationId, now }))) return false
    await markInvitationReopened(trx, { invitationId, now })
    await recordAuditEvent(trx, {
      organisationId,
      engagementId: invitation.engagement_id,
      actor: { type: 'user', userId },
      action: 'response.reopened',
      subjectType: 'invitation',
      subjectId: invitationId,
      detail: { message },
    })
    return true
  }
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
