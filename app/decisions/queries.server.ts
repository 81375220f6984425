import type { Insertable, Kysely } from 'kysely'
import type { Database, VendorDecisionTable } from '#db/schema.ts'

/**
 * Makes the previous decision on an invitation history and inserts the new current one.
 * SQL: update vendor_decision set is_current = 0 where organisation_id = ? and invitation_id = ? and is_current = 1;
 *      insert into vendor_decision …
 */
export async function replaceCurrentDecision(
  db: Kysely<Database>,
  row: Insertable<VendorDecisionTable> & { organisation_id: string; invitation_id: string },
): Promise<void> {
  await db
    .updateTable('vendor_decision')
    .set({ is_current: 0 })
    .where('organisation_id', '=', row.organisation_id)
    .where('invitation_id', '=', row.invitation_id)
    .where('is_current', '=', 1)
    .execute()
  await db.insertInto('vendor_decision').values(row).execute()
}

/**
 * Decisions on the given invitations, the current one first, then newest first, with the decider's name.
 * SQL: select … from vendor_decision left join user where org = ? and engagement = ? and invitation in (…)
 */
export function listDecisionRows(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    invitationIds,
    currentOnly,
  }: { organisationId: string; engagementId: string; invitationIds: readonly string[]; currentOnly: boolean },
) {
  let query = db
    .selectFrom('vendor_decision')
    .leftJoin('user', 'user.id', 'vendor_decision.decided_by_user_id')
    .select([
      'vendor_decision.id',
      'vendor_decision.invitation_id as invitationId',
      'vendor_decision.decision',
      'vendor_decision.comment',
      'vendor_decision.created_at as decidedAt',
      'user.name as decidedBy',
    ])
    .where('vendor_decision.organisation_id', '=', organisationId)
    .where('vendor_decision.engagement_id', '=', engagementId)
    .where('vendor_decision.invitation_id', 'in', [...invitationIds])
  if (currentOnly) query = query.where('vendor_decision.is_current', '=', 1)
  // The current one first even when two decisions share a millisecond.
  return query.orderBy('vendor_decision.is_current', 'desc').orderBy('vendor_decision.created_at', 'desc').execute()
}
