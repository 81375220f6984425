import type { Insertable, Kysely } from 'kysely'
import type { AuditEventTable, Database } from '#db/schema.ts'

/**
 * An engagement's audit log, newest first, with who acted: a user (name), a vendor (company) or
 * the system. Scoped by organisation.
 */
export function listEngagementAuditEvents(
  db: Kysely<Database>,
  { organisationId, engagementId, limit = 200 }: { organisationId: string; engagementId: string; limit?: number },
) {
  return db
    .selectFrom('audit_event')
    .leftJoin('user', 'user.id', 'audit_event.actor_user_id')
    .leftJoin('invitation', 'invitation.id', 'audit_event.actor_invitation_id')
    .select([
      'audit_event.id',
      'audit_event.action',
      'audit_event.actor_type as actorType',
      'user.name as userName',
      'invitation.vendor_company as vendorCompany',
      'audit_event.subject_type as subjectType',
      'audit_event.subject_id as subjectId',
      'audit_event.detail_json as detailJson',
      'audit_event.created_at as createdAt',
    ])
    .where('audit_event.organisation_id', '=', organisationId)
    .where('audit_event.engagement_id', '=', engagementId)
    .orderBy('audit_event.created_at', 'desc')
    .limit(limit)
    .execute()
}

export async function insertAuditEvent(db: Kysely<Database>, row: Insertable<AuditEventTable>): Promise<void> {
  await db.insertInto('audit_event').values(row).execute()
}
