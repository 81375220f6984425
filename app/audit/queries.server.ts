import type { Insertable, Kysely } from 'kysely'
import type { AuditEventTable, Database } from '#db/schema.ts'

export type AuditQueryFilter = {
  /** Only these actions (a kind of action of the filter). */
  actions?: readonly string[]
  /** Only this actor: `user:<id>`, `vendor:<invitation id>` or `system`. */
  actor?: string
  /** First and last day, inclusive (YYYY-MM-DD, UTC). */
  from?: string
  to?: string
}

/**
 * An engagement's audit log, newest first, with who acted: a user (name), a vendor (company) or
 * the system. Scoped by organisation; narrowed by the log's filters (plain comparisons on text
 * columns, the same on SQLite and PostgreSQL: dates are ISO-8601 text, so they sort as text).
 */
export function listEngagementAuditEvents(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    limit = 200,
    filter = {},
  }: { organisationId: string; engagementId: string; limit?: number; filter?: AuditQueryFilter },
) {
  let query = db
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
  if (filter.actions) query = query.where('audit_event.action', 'in', [...filter.actions])
  if (filter.actor === 'system') query = query.where('audit_event.actor_type', '=', 'system')
  else if (filter.actor?.startsWith('user:'))
    query = query.where('audit_event.actor_user_id', '=', filter.actor.slice('user:'.length))
  else if (filter.actor === 'vendors') query = query.where('audit_event.actor_type', '=', 'vendor')
  else if (filter.actor?.startsWith('vendor:'))
    query = query.where('audit_event.actor_invitation_id', '=', filter.actor.slice('vendor:'.length))
  if (filter.from) query = query.where('audit_event.created_at', '>=', filter.from)
  // Before the day after the last day: every time of the last day is in.
  if (filter.to) query = query.where('audit_event.created_at', '<', dayAfter(filter.to))
  return query.orderBy('audit_event.created_at', 'desc').orderBy('audit_event.id', 'desc').limit(limit).execute()
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

export async function insertAuditEvent(db: Kysely<Database>, row: Insertable<AuditEventTable>): Promise<void> {
  await db.insertInto('audit_event').values(row).execute()
}

/**
 * Who acted in an engagement's log, for the log's filter: users by name and the system, and the
 * vendors by company when there are at most `maxVendors` of them (`vendorsOverflow` says there are
 * more: an engagement of 20,000 vendors would make a select of 20,000 options).
 */
export async function listEngagementAuditActors(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
  { maxVendors }: { maxVendors: number },
) {
  const inLog = () =>
    db
      .selectFrom('audit_event')
      .where('audit_event.organisation_id', '=', organisationId)
      .where('audit_event.engagement_id', '=', engagementId)
  const [others, vendors] = await Promise.all([
    inLog()
      .leftJoin('user', 'user.id', 'audit_event.actor_user_id')
      .select(['audit_event.actor_type as actorType', 'audit_event.actor_user_id as userId', 'user.name as userName'])
      .distinct()
      .where('audit_event.actor_type', '<>', 'vendor')
      .execute(),
    db
      .selectFrom(
        inLog()
          .select('audit_event.actor_invitation_id as invitationId')
          .distinct()
          .where('audit_event.actor_type', '=', 'vendor')
          .where('audit_event.actor_invitation_id', 'is not', null)
          .limit(maxVendors + 1)
          .as('v'),
      )
      .innerJoin('invitation', 'invitation.id', 'v.invitationId')
      .select(['invitation.id as invitationId', 'invitation.vendor_company as vendorCompany'])
      .execute(),
  ])
  const vendorsOverflow = vendors.length > maxVendors
  return { others, vendors: vendorsOverflow ? [] : vendors, anyVendor: vendors.length > 0, vendorsOverflow }
}

/**
 * The company of some invitations of an engagement (those the log's shown events name): read by id,
 * so a page of 200 events costs the same with 20 vendors or 20,000.
 */
export async function listEngagementVendorNames(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
  invitationIds: readonly string[],
): Promise<Map<string, string>> {
  if (invitationIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .select(['invitation.id', 'invitation.vendor_company as vendorCompany'])
    .where('engagement.organisation_id', '=', organisationId)
    .where('invitation.engagement_id', '=', engagementId)
    .where('invitation.id', 'in', [...invitationIds])
    .execute()
  return new Map(rows.map((row) => [row.id, row.vendorCompany]))
}
