import type { Insertable, Kysely } from 'kysely'
import type { Database, EngagementTable, RegulatoryProfileTable } from '#db/schema.ts'
import { effectiveStatusSql } from '../dashboard/queries.server.ts'

/** Engagements of one organisation, newest first. Every buyer query is scoped by organisation. */
export function listEngagements(
  db: Kysely<Database>,
  { organisationId, status = 'active' }: { organisationId: string; status?: 'active' | 'archived' },
) {
  return db
    .selectFrom('engagement')
    .select(['id', 'name', 'description', 'due_date as dueDate', 'status', 'created_at as createdAt'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', status)
    .orderBy('created_at', 'desc')
    .execute()
}

/** One engagement, only if it belongs to the organisation (undefined otherwise: the route answers 404). */
export function findEngagement(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
) {
  return db
    .selectFrom('engagement')
    .selectAll()
    .where('id', '=', engagementId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** An engagement with its regulatory profile (parsed), scoped by organisation. */
export async function findEngagementWithProfile(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
) {
  const row = await db
    .selectFrom('engagement')
    .innerJoin('regulatory_profile', 'regulatory_profile.engagement_id', 'engagement.id')
    .selectAll('engagement')
    .select('regulatory_profile.profile_json as profileJson')
    .where('engagement.id', '=', engagementId)
    .where('engagement.organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!row) return undefined
  const { profileJson, ...engagement } = row
  return { engagement, profile: JSON.parse(profileJson) as unknown }
}

export async function insertEngagement(db: Kysely<Database>, row: Insertable<EngagementTable>): Promise<void> {
  await db.insertInto('engagement').values(row).execute()
}

export async function insertRegulatoryProfile(
  db: Kysely<Database>,
  row: Insertable<RegulatoryProfileTable>,
): Promise<void> {
  await db.insertInto('regulatory_profile').values(row).execute()
}

/** Archives or restores; false when the engagement is not the organisation's. */
export async function updateEngagementStatus(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    status,
    now,
  }: { organisationId: string; engagementId: string; status: 'active' | 'archived'; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('engagement')
    .set({ status, updated_at: now })
    .where('id', '=', engagementId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/** The stored profile JSON of the organisation's engagement (throws when it is not the organisation's). */
export async function getProfileJson(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
): Promise<string> {
  const row = await db
    .selectFrom('regulatory_profile')
    .innerJoin('engagement', 'engagement.id', 'regulatory_profile.engagement_id')
    .select(['regulatory_profile.profile_json as profileJson'])
    .where('engagement.id', '=', engagementId)
    .where('engagement.organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return row.profileJson
}

export async function updateEngagementDetails(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    name,
    description,
    dueDate,
    now,
  }: {
    organisationId: string
    engagementId: string
    name: string
    description: string
    dueDate: string | null
    now: string
  },
): Promise<void> {
  await db
    .updateTable('engagement')
    .set({ name, description, due_date: dueDate, updated_at: now })
    .where('id', '=', engagementId)
    .where('organisation_id', '=', organisationId)
    .execute()
}

export async function updateRegulatoryProfile(
  db: Kysely<Database>,
  {
    engagementId,
    profileJson,
    userId,
    now,
  }: { engagementId: string; profileJson: string; userId: string; now: string },
): Promise<void> {
  await db
    .updateTable('regulatory_profile')
    .set({ profile_json: profileJson, updated_by_user_id: userId, updated_at: now })
    .where('engagement_id', '=', engagementId)
    .execute()
}

/**
 * Vendor counts of the organisation's engagements, by effective status (an unsubmitted link past its
 * expiry counts as "expired", as the dashboard shows it) and by verdict (null: not assessed yet), in
 * ONE grouped query over `invitation_summary` (one row per invitation, kept by triggers) for every
 * engagement of the list, never a query per engagement.
 * SQL: select s.engagement_id, (effective status), s.verdict, count(*) from invitation_summary s
 *      join engagement e on e.id = s.engagement_id where e.organisation_id = ? and e.status = ?
 *      group by s.engagement_id, (effective status), s.verdict
 */
export function countVendorsOfEngagements(
  db: Kysely<Database>,
  { organisationId, status = 'active', now }: { organisationId: string; status?: 'active' | 'archived'; now: string },
) {
  // The effective status is computed in a subquery and grouped by name: PostgreSQL would not match
  // the same expression in select and group by (each carries its own bind parameter).
  const rows = db
    .selectFrom('invitation_summary as s')
    .innerJoin('engagement as e', 'e.id', 's.engagement_id')
    .select(['s.engagement_id as engagementId', effectiveStatusSql(now).as('status'), 's.verdict as verdict'])
    .where('e.organisation_id', '=', organisationId)
    .where('e.status', '=', status)
  return db
    .selectFrom(rows.as('v'))
    .select((eb) => ['v.engagementId', 'v.status', 'v.verdict', eb.fn.countAll<number>().as('count')])
    .groupBy(['v.engagementId', 'v.status', 'v.verdict'])
    .execute()
}
