import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { nowIso } from '../utils/ids.ts'
import { ensureResponse } from './answers.server.ts'

/**
 * Submits a vendor's response. Idempotent: a double click, a retry or a second tab gives one
 * submission and one audit event; only the first call returns `firstSubmission: true`, so only it
 * sends the buyer's email and computes the assessment.
 *
 * SQL shape: update response set status = 'submitted' where id = ? and status = 'draft'
 */
export async function submitResponse(
  db: Kysely<Database>,
  { invitationId }: { invitationId: string },
): Promise<{ firstSubmission: boolean; responseId: string }> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const response = await ensureResponse(trx, { invitationId, now })
    const updated = await trx
      .updateTable('response')
      .set({ status: 'submitted', submitted_at: now, updated_at: now })
      .where('id', '=', response.id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return { firstSubmission: false, responseId: response.id }
    const invitation = await trx
      .updateTable('invitation')
      .set({ status: 'submitted', submitted_at: now, last_activity_at: now, updated_at: now })
      .where('id', '=', invitationId)
      .returning(['organisation_id', 'engagement_id'])
      .executeTakeFirstOrThrow()
    await recordAuditEvent(trx, {
      organisationId: invitation.organisation_id,
      engagementId: invitation.engagement_id,
      actor: { type: 'vendor', invitationId },
      action: 'response.submitted',
      subjectType: 'response',
      subjectId: response.id,
    })
    return { firstSubmission: true, responseId: response.id }
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
    const invitation = await trx
      .selectFrom('invitation')
      .select(['id', 'engagement_id'])
      .where('id', '=', invitationId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst()
    if (!invitation) return false
    const reopened = await trx
      .updateTable('response')
      .set({ status: 'draft', updated_at: now })
      .where('invitation_id', '=', invitationId)
      .where('status', '=', 'submitted')
      .executeTakeFirst()
    if (Number(reopened.numUpdatedRows) !== 1) return false
    await trx
      .updateTable('invitation')
      .set({ status: 'reopened', reopened_at: now, updated_at: now })
      .where('id', '=', invitationId)
      .execute()
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
