import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'

/**
 * The history of a vendor's assessments and each member's visits to an engagement, scoped by
 * organisation and engagement. The first parameter is the connection or the caller's transaction.
 */

type Scope = { organisationId: string; engagementId: string; invitationId: string }

/**
 * Every assessment version of a vendor, oldest first: the columns the list and the chart show.
 * SQL: select assessment.id, … from assessment join response join invitation
 *      where invitation.id = ? and invitation.organisation_id = ? and invitation.engagement_id = ?
 *      order by assessment.created_at, assessment.id
 */
export function listVersions(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .select([
      'assessment.id',
      'assessment.created_at as createdAt',
      'assessment.as_of as asOf',
      'assessment.score',
      'assessment.verdict',
      'assessment.model',
      'assessment.rules_version as rulesVersion',
      'assessment.engine_version as engineVersion',
      'assessment.questionnaire_version as questionnaireVersion',
      'assessment.is_current as isCurrent',
    ])
    .where('invitation.id', '=', scope.invitationId)
    .where('invitation.organisation_id', '=', scope.organisationId)
    .where('invitation.engagement_id', '=', scope.engagementId)
    .orderBy('assessment.created_at')
    .orderBy('assessment.id')
    .execute()
}

/** Two versions' full results and answers, within the same scope. */
export function listVersionDetails(db: Kysely<Database>, scope: Scope & { ids: readonly string[] }) {
  if (scope.ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .select(['assessment.id', 'assessment.result_json as resultJson', 'assessment.answers_json as answersJson'])
    .where('assessment.id', 'in', [...scope.ids])
    .where('invitation.id', '=', scope.invitationId)
    .where('invitation.organisation_id', '=', scope.organisationId)
    .where('invitation.engagement_id', '=', scope.engagementId)
    .execute()
}

// --- visits ------------------------------------------------------------------------------------

export function findVisit(db: Kysely<Database>, { userId, engagementId }: { userId: string; engagementId: string }) {
  return db
    .selectFrom('engagement_visit')
    .select(['previous_seen_at as previousSeenAt', 'seen_at as seenAt'])
    .where('user_id', '=', userId)
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst()
}

/**
 * Records a visit: the last one becomes the one "changed since your last visit" compares with.
 * SQL: insert into engagement_visit … on conflict (user_id, engagement_id)
 *      do update set previous_seen_at = engagement_visit.seen_at, seen_at = excluded.seen_at
 */
export async function recordVisit(
  db: Kysely<Database>,
  { userId, engagementId, now }: { userId: string; engagementId: string; now: string },
): Promise<void> {
  await db
    .insertInto('engagement_visit')
    .values({ user_id: userId, engagement_id: engagementId, previous_seen_at: null, seen_at: now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'engagement_id']).doUpdateSet((eb) => ({
        previous_seen_at: eb.ref('engagement_visit.seen_at'),
        seen_at: eb.ref('excluded.seen_at'),
      })),
    )
    .execute()
}

/**
 * The engagement's vendors with a new assessment, or a vendor's reply to a request, after `since`.
 * SQL: select distinct invitation.id from assessment cross join response cross join invitation
 *      where response.id = assessment.response_id and invitation.id = response.invitation_id
 *      and assessment.created_at > ? and invitation.engagement_id = ?
 *      union select invitation_id from remediation_request where vendor_sent_at > ?
 */
export async function listChangedVendorIds(
  db: Kysely<Database>,
  { engagementId, since }: { engagementId: string; since: string },
): Promise<string[]> {
  const assessed = await assessedSinceQuery(db, { engagementId, since }).execute()
  const replied = await db
    .selectFrom('remediation_request')
    .select('invitation_id as id')
    .distinct()
    .where('engagement_id', '=', engagementId)
    .where('vendor_sent_at', '>', since)
    .execute()
  return [...new Set([...assessed, ...replied].map((r) => r.id))]
}

/**
 * The engagement's vendors assessed after `since`, from the assessments made since (an index on
 * created_at: few), not from the engagement's vendors (all of them), then kept to this engagement's.
 * CROSS JOIN is how SQLite is told to keep that order: written as IN-subqueries or inner joins, its
 * planner walked the engagement's invitations and probed each, 3-6 ms a dashboard view at 20,000
 * vendors even with nothing assessed since (docs/PERFORMANCE.md). PostgreSQL plans a cross join
 * with its conditions like any join. Exported for the plan test.
 */
export function assessedSinceQuery(
  db: Kysely<Database>,
  { engagementId, since }: { engagementId: string; since: string },
) {
  return db
    .selectFrom('assessment')
    .crossJoin('response')
    .crossJoin('invitation')
    .select('invitation.id')
    .distinct()
    .whereRef('response.id', '=', 'assessment.response_id')
    .whereRef('invitation.id', '=', 'response.invitation_id')
    .where('assessment.created_at', '>', since)
    .where('invitation.engagement_id', '=', engagementId)
}
