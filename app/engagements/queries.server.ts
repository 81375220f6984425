import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'

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
