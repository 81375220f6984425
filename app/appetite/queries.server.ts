import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { DashboardParams } from '../dashboard/dashboard-params.ts'
import { dashboardOrderTerms, filteredVendors } from '../dashboard/queries.server.ts'
import { invitationSummaries } from '../invitations/queries.server.ts'

/**
 * The risk policy's SQL: an engagement's appetite and raised rules (columns of `engagement`, so a
 * change moves the engagement's revision like any other edit of it), and what the policy made of the
 * current assessments (columns of `assessment`, read through `assessment_current_appetite_idx`).
 * Every buyer query is scoped by organisation.
 */

type Scope = { organisationId: string; engagementId: string }

/** SQL: select risk_appetite, blocking_rules_json from engagement where id = ? and organisation_id = ? */
export function findEngagementPolicy(db: Kysely<Database>, { organisationId, engagementId }: Scope) {
  return db
    .selectFrom('engagement')
    .select(['risk_appetite as appetite', 'blocking_rules_json as blockingRulesJson'])
    .where('id', '=', engagementId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/**
 * The policy of the engagement a response belongs to (what assessing it is judged against).
 * SQL: select e.risk_appetite, e.blocking_rules_json from response join invitation join engagement where response.id = ?
 */
export function getPolicyOfResponse(db: Kysely<Database>, { responseId }: { responseId: string }) {
  return db
    .selectFrom('response')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .select(['engagement.risk_appetite as appetite', 'engagement.blocking_rules_json as blockingRulesJson'])
    .where('response.id', '=', responseId)
    .executeTakeFirstOrThrow()
}

/** Sets the policy; false when the engagement is not the organisation's. */
export async function updateEngagementPolicy(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    appetite,
    blockingRulesJson,
    now,
  }: Scope & { appetite: 'low' | 'medium' | 'high'; blockingRulesJson: string; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('engagement')
    .set({ risk_appetite: appetite, blocking_rules_json: blockingRulesJson, updated_at: now })
    .where('id', '=', engagementId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/**
 * How the vendors matching the dashboard's filters fall into the panel's groups: per location class,
 * how many are within appetite, and how many are outside it by the number of changes that would
 * bring them within it. It depends on the filters only (not the sort or the page), so it is kept per
 * filters (recommendation.server.ts), and it tells `listPanelCandidates` which rows can rank at all.
 * SQL: select location_class, (buyer_action = 'within-appetite') within, qualify_changes, count(*)
 *      from invitation_summary s … [filtered] and location_class is not null
 *      and (within or qualify_changes is not null) group by 1, 2, 3
 */
export async function countPanelGroups(
  db: Kysely<Database>,
  scope: Scope,
  { params, now }: { params: DashboardParams; now: string },
): Promise<PanelGroupCount[]> {
  const rows = await panelRows(db, scope, params, now)
    .select([
      's.location_class as locationClass',
      sql<number | boolean | null>`(${WITHIN})`.as('within'),
      's.qualify_changes as changes',
      (eb) => eb.fn.countAll<number | string | bigint>().as('count'),
    ])
    .groupBy(['s.location_class', sql`(${WITHIN})`, 's.qualify_changes'])
    .execute()
  return rows.map((row) => ({
    locationClass: row.locationClass ?? '',
    // SQLite answers 1/0, PostgreSQL true/false; null for a vendor judged without an action.
    within: row.within === null ? null : row.within === true || Number(row.within) === 1,
    changes: row.changes,
    count: Number(row.count),
  }))
}

export type PanelGroupCount = { locationClass: string; within: boolean | null; changes: number | null; count: number }

const WITHIN = sql`s.buyer_action = 'within-appetite'`

/** The filtered vendors that can be in the panel: judged, located, within appetite or able to be. */
function panelRows(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string) {
  return filteredVendors(db, scope, params, now)
    .where('s.location_class', 'is not', null)
    .where((eb) => eb.or([eb('s.buyer_action', '=', 'within-appetite'), eb('s.qualify_changes', 'is not', null)]))
}

/**
 * The recommendation panel's candidates among the vendors matching the dashboard's filters: per
 * location class, the first few within appetite in the table's order, and the few outside it that
 * a verified suggestion would bring within it (fewest changes first). Ranked by a window in the
 * dashboard's own order, over the rows that can rank at all: every vendor within appetite, and per
 * class only those with at most `maxChanges[class]` changes (from `countPanelGroups`: the fewest
 * that still gives the class its few). Sorting every vendor a suggestion would qualify (a quarter
 * of 20,000 in the generated engagement) twice, for the rank and for the group's count, was most of
 * a first look's database time at 20,000 vendors (docs/PERFORMANCE.md).
 * SQL: select * from (select s.invitation_id, s.location_class, s.buyer_action,
 *        row_number() over (partition by s.location_class, within order by within ? 0 : qualify_changes, <sort>) as rank
 *      from invitation_summary s
 *      where s.engagement_id = ? and [filters] and (within or (location_class = ? and qualify_changes <= ?) or …))
 *      where rank <= ?
 */
export function listPanelCandidates(
  db: Kysely<Database>,
  scope: Scope,
  {
    params,
    now,
    perGroup,
    maxChanges,
  }: { params: DashboardParams; now: string; perGroup: number; maxChanges: Readonly<Record<string, number>> },
) {
  const order = sql.join(
    dashboardOrderTerms(db, params, now).map(([term, dir]) => sql`${term} ${sql.raw(dir === 'asc' ? 'asc' : 'desc')}`),
  )
  const ranked = panelRows(db, scope, params, now)
    .where((eb) =>
      eb.or([
        eb('s.buyer_action', '=', 'within-appetite'),
        ...Object.entries(maxChanges).map(([locationClass, most]) =>
          eb.and([eb('s.location_class', '=', locationClass), eb('s.qualify_changes', '<=', most)]),
        ),
      ]),
    )
    .select([
      's.invitation_id as invitationId',
      's.location_class as locationClass',
      's.buyer_action as action',
      sql<number>`row_number() over (partition by s.location_class, (${WITHIN}) order by (case when (${WITHIN}) then 0 else s.qualify_changes end), ${order})`.as(
        'rank',
      ),
    ])
  return db
    .selectFrom(ranked.as('r'))
    .selectAll()
    .where('r.rank', '<=', perGroup)
    .orderBy('r.locationClass')
    .orderBy('r.action')
    .orderBy('r.rank')
    .execute()
}

/**
 * What the panel shows of some vendors (its candidates, at most a few per class): name, score,
 * verdict, the stored result (its conditions) and judgement (its suggestions).
 * SQL: select … from invitation_summary s join response join assessment a (is_current = 1)
 *      where s.engagement_id = ? and [organisation check] and s.invitation_id in (…)
 */
export function listPanelVendors(db: Kysely<Database>, scope: Scope, invitationIds: readonly string[]) {
  if (invitationIds.length === 0) return Promise.resolve([])
  return invitationSummaries(db, scope)
    .innerJoin('response', 'response.invitation_id', 's.invitation_id')
    .innerJoin('assessment as a', (join) => join.onRef('a.response_id', '=', 'response.id').on('a.is_current', '=', 1))
    .select([
      's.invitation_id as invitationId',
      's.vendor_company as company',
      'a.score',
      'a.verdict',
      'a.location_class as locationClass',
      'a.residual_risk as residualRisk',
      'a.result_json as resultJson',
      'a.appetite_json as appetiteJson',
    ])
    .where('s.invitation_id', 'in', [...invitationIds])
    .execute()
}

/**
 * The stored judgement of one current assessment of the engagement (its ceiling is the profile's,
 * the same for every vendor), or undefined when no vendor has been judged. The row is found through
 * the appetite index; only its judgement is read (the JSON texts sit at the end of a long row).
 * SQL: select a.appetite_json from invitation_summary s join response join assessment a
 *      where s.engagement_id = ? and a.is_current = 1 and a.buyer_action is not null
 *      order by a.created_at desc, a.id limit 1
 */
export async function findAnyJudgementJson(db: Kysely<Database>, scope: Scope): Promise<string | undefined> {
  // The newest: it was judged under the engagement's latest profile (a reopened vendor keeps an older one).
  // Its id first, then its JSON by key: sorting the rows with their JSON took ~200 ms at 2,000 vendors.
  const newest = invitationSummaries(db, scope)
    .innerJoin('response', 'response.invitation_id', 's.invitation_id')
    .innerJoin('assessment as a', (join) => join.onRef('a.response_id', '=', 'response.id').on('a.is_current', '=', 1))
    .select('a.id')
    .where('a.buyer_action', 'is not', null)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(1)
  const row = await db
    .selectFrom('assessment')
    .select('appetite_json as appetiteJson')
    .where('id', '=', newest)
    .executeTakeFirst()
  return row?.appetiteJson ?? undefined
}
