import type { Insertable, Kysely } from 'kysely'
import type { Database, EvidenceTable } from '#db/schema.ts'

/**
 * Takes the write lock for a response before anything is read, so that a check-then-write (the
 * upload quota, "not submitted yet") cannot interleave with another one: SQLite takes its write
 * lock at a transaction's first write, PostgreSQL locks the row. Returns the response, locked.
 *
 * SQL shape: update response set updated_at = updated_at where invitation_id = ?;
 *            select response.*, invitation.organisation_id, invitation.engagement_id … where invitation_id = ?
 */
export async function lockResponse(trx: Kysely<Database>, { invitationId }: { invitationId: string }) {
  await trx
    .updateTable('response')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('invitation_id', '=', invitationId)
    .execute()
  return trx
    .selectFrom('response')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .select([
      'response.id',
      'response.status',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
    ])
    .where('response.invitation_id', '=', invitationId)
    .executeTakeFirst()
}

/** Bytes of the response's evidence still kept (removed files no longer count). */
export async function sumEvidenceBytes(db: Kysely<Database>, { responseId }: { responseId: string }) {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.val(0)).as('total'))
    .where('response_id', '=', responseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.total)
}

export async function insertEvidence(db: Kysely<Database>, row: Insertable<EvidenceTable>) {
  await db.insertInto('evidence').values(row).execute()
}

export async function markEvidenceDeleted(db: Kysely<Database>, { id, at }: { id: string; at: string }) {
  await db.updateTable('evidence').set({ deleted_at: at }).where('id', '=', id).execute()
}

export function listEvidence(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .select([
      'evidence.id',
      'evidence.question_id as questionId',
      'evidence.file_name as fileName',
      'evidence.size_bytes as size',
      'evidence.sha256',
      'evidence.created_at as createdAt',
    ])
    .where('response.invitation_id', '=', invitationId)
    .where('evidence.deleted_at', 'is', null)
    .orderBy('evidence.created_at')
    .execute()
}

/** A file of this vendor's own response only. */
export function findEvidenceForVendor(
  db: Kysely<Database>,
  { invitationId, evidenceId }: { invitationId: string; evidenceId: string },
) {
  return db
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .selectAll('evidence')
    .where('evidence.id', '=', evidenceId)
    .where('response.invitation_id', '=', invitationId)
    .where('evidence.deleted_at', 'is', null)
    .executeTakeFirst()
}

/** A file of any vendor of the buyer's organisation only. */
export function findEvidenceForBuyer(
  db: Kysely<Database>,
  { organisationId, evidenceId }: { organisationId: string; evidenceId: string },
) {
  return db
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .selectAll('evidence')
    .where('evidence.id', '=', evidenceId)
    .where('invitation.organisation_id', '=', organisationId)
    .where('evidence.deleted_at', 'is', null)
    .executeTakeFirst()
}
