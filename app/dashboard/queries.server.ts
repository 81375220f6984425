import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database, InvitationStatus } from '#db/schema.ts'
import { dialectOf } from '../db/dialect.ts'
import { caseInsensitive, isAnyOf, likeInsensitive } from '../db/queries.server.ts'
import { invitationSummaries } from '../invitations/queries.server.ts'
import type { DashboardParams, SortKey } from './dashboard-params.ts'

type Scope = { organisationId: string; engagementId: string }

/**
 * The dashboard reads `invitation_summary`: one narrow row per invitation, clustered by engagement
 * and kept by triggers, with an index per sort key and direction that holds the rows in the
 * dashboard's order and every column a filter reads (migration 2026-12-02T1200). Counting reads one
 * range of one table; a page walks one index and stops after its rows; nothing is joined until the
 * page's 50 rows are read.
 */

/**
 * The effective status in SQL, as `effectiveStatus()` computes it in JS: a link past its expiry
 * reads "expired" unless the vendor submitted or the buyer revoked it. Timestamps are ISO-8601 text
 * in UTC, so comparing strings compares instants.
 */
export function effectiveStatusSql(now: string) {
  return sql<InvitationStatus>`(case when s.status in ('submitted', 'revoked') then s.status when s.expires_at <= ${now} then 'expired' else s.status end)`
}

/**
 * The whitelist of sort keys: each maps to a fixed SQL expression, never to text from the URL.
 * Enumerations sort by meaning (lifecycle order, verdict severity, distance), not alphabetically.
 */
function sortExpression(db: Kysely<Database>, key: SortKey, now: string): Expression<unknown> {
  switch (key) {
    case 'vendor':
      return caseInsensitive(db, sql.ref('s.vendor_company'))
    case 'status':
      return sql`(case ${effectiveStatusSql(now)} when 'invited' then 1 when 'opened' then 2 when 'in-progress' then 3 when 'reopened' then 4 when 'submitted' then 5 when 'expired' then 6 else 7 end)`
    case 'score':
      return sql`s.score`
    case 'verdict':
      return sql`(case s.verdict when 'approve' then 1 when 'approve-with-conditions' then 2 when 'reject' then 3 end)`
    case 'location':
      return sql`(case s.location_class when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)`
    case 'model':
      return sql`(case s.model when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)`
    case 'blockers':
      return sql`s.blocker_count`
    case 'conditions':
      return sql`s.condition_count`
    case 'decision':
      return sql`(case s.decision when 'approved' then 1 when 'shortlisted' then 2 when 'rejected' then 3 end)`
    case 'submitted':
      return sql`s.submitted_at`
  }
}

/** `%text%` for LIKE with the user's own % and _ taken literally (paired with `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * The engagement's vendors matching the dashboard's filters.
 * SQL: from invitation_summary s where s.engagement_id = ? and [organisation check] [and filters]
 */
export function filteredVendors(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string) {
  let query = invitationSummaries(db, scope)
  if (params.verdict) query = query.where('s.verdict', '=', params.verdict)
  if (params.location) query = query.where('s.location_class', '=', params.location)
  if (params.decision === 'none') query = query.where('s.decision', 'is', null)
  else if (params.decision) query = query.where('s.decision', '=', params.decision)
  if (params.status) query = query.where(sql<SqlBool>`${effectiveStatusSql(now)} = ${params.status}`)
  if (params.q) {
    const pattern = likePattern(params.q)
    // Case-insensitive for ASCII (SQLite's LIKE; ILIKE on PostgreSQL).
    query = query.where((eb) =>
      eb.or([
        likeInsensitive(db, sql.ref('s.vendor_company'), pattern),
        likeInsensitive(db, sql.ref('s.contact_email'), pattern),
      ]),
    )
  }
  return query
}

/**
 * How many vendors match, by verdict (null: not assessed yet). The total is their sum.
 * SQL: select verdict, count(*) from invitation_summary s … [filtered] group by verdict
 */
export function countVendorsByVerdict(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string) {
  return filteredVendors(db, scope, params, now)
    .select(['s.verdict', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('s.verdict')
    .execute()
}

/**
 * The ids of one page of matching vendors, sorted by a whitelisted key with vendors lacking that
 * value last in either direction, then by name and id so pages never overlap.
 *
 * Offset and limit count along the key's index (migrations 2026-12-02T1200 and T1210), so a page in
 * the back half of the list is read from the other end: the same order reversed term by term (the
 * same index walked backwards), the page's rows counted from the end, then turned round. The order
 * is total (ids are unique), so the page is exactly the same, and the deepest page costs what the
 * middle one does.
 * SQL: select invitation_id from invitation_summary s … [filtered]
 *      order by (key) is null, key dir, vendor_company collate nocase, invitation_id limit ? offset ?
 */
export async function listDashboardPageIds(
  db: Kysely<Database>,
  scope: Scope,
  params: DashboardParams,
  window: { now: string; limit: number; offset: number; total: number },
): Promise<string[]> {
  const { query, fromEnd } = pageIdsQuery(db, scope, params, window)
  const ids = (await query.execute()).map((row) => row.id)
  return fromEnd ? ids.reverse() : ids
}

/** The query behind `listDashboardPageIds`, and whether it reads from the end (exported for plan tests). */
export function pageIdsQuery(
  db: Kysely<Database>,
  scope: Scope,
  params: DashboardParams,
  { now, limit, offset, total }: { now: string; limit: number; offset: number; total: number },
) {
  const fromEnd = offset + limit / 2 > total / 2
  const window = {
    limit: fromEnd ? Math.max(0, Math.min(limit, total - offset)) : limit,
    offset: fromEnd ? Math.max(0, total - offset - limit) : offset,
  }
  const query =
    // The merged walk is SQLite's plan (its indexes, migration 2026-12-02T1210); PostgreSQL sorts the
    // engagement's rows by the effective status instead (its planner does not merge a union's walks).
    params.sort === 'status' && dialectOf(db) === 'sqlite'
      ? byStatus(db, scope, params, now, fromEnd).limit(window.limit).offset(window.offset)
      : orderedVendors(db, scope, params, now, fromEnd)
          .select('s.invitation_id as id')
          .limit(window.limit)
          .offset(window.offset)
  return { query, fromEnd }
}

/**
 * The rank of a vendor's stored status, as the order by status ranks its effective status; exactly
 * the expression of the status indexes (migration 2026-12-02T1210).
 */
const STORED_STATUS_RANK = sql<number>`(case s.status when 'invited' then 1 when 'opened' then 2 when 'in-progress' then 3 when 'reopened' then 4 when 'submitted' then 5 when 'expired' then 6 else 7 end)`
const EXPIRED_RANK = 6

/**
 * The order by status without sorting every vendor. A vendor reads "expired" once its link's expiry
 * has passed (unless it submitted or was revoked), so that order depends on the time of asking and
 * no index holds it. It is two ordered walks that SQLite merges (MERGE (UNION ALL)) and stops after
 * the page: the vendors whose link has not expired, along the index by stored status (their status
 * is their stored one), and the expired ones (rank 6), found by the partial index of open
 * invitations by expiry and sorted by name (usually few). Same order as `sortExpression('status')`.
 * SQL: select invitation_id id, (rank of s.status) rank, vendor_company name from … where [not expired]
 *      union all select invitation_id, 6, vendor_company from … where [expired]
 *      order by rank dir, name collate nocase, id
 */
function byStatus(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string, reversed: boolean) {
  const flip = (dir: 'asc' | 'desc') => (reversed ? (dir === 'asc' ? 'desc' : 'asc') : dir)
  const open = filteredVendors(db, scope, params, now)
    .where((eb) => eb.or([eb('s.status', 'in', ['submitted', 'revoked']), eb('s.expires_at', '>', now)]))
    .select(['s.invitation_id as id', STORED_STATUS_RANK.as('rank'), 's.vendor_company as name'])
  const expired = filteredVendors(db, scope, params, now)
    // Literals, as in the partial index's definition: SQLite cannot tell that bound values match it.
    .where(sql<SqlBool>`s.status not in ('submitted', 'revoked')`)
    .where('s.expires_at', '<=', now)
    .select(['s.invitation_id as id', sql<number>`${sql.lit(EXPIRED_RANK)}`.as('rank'), 's.vendor_company as name'])
  return open
    .unionAll(expired)
    .orderBy('rank', flip(params.dir))
    .orderBy(sql`name collate nocase`, flip('asc'))
    .orderBy('id', flip('asc'))
}

/**
 * The dashboard's order, term for term the order of the key's index (migration 2026-12-02T1200), or
 * its exact reverse (the same index read backwards). The vendor's name is never missing, so that
 * key has no "missing last" term.
 */
function orderedVendors(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string, reversed = false) {
  const flip = (dir: 'asc' | 'desc') => (reversed ? (dir === 'asc' ? 'desc' : 'asc') : dir)
  let query = filteredVendors(db, scope, params, now)
  for (const [term, dir] of dashboardOrderTerms(db, params, now)) query = query.orderBy(term, flip(dir))
  return query
}

/**
 * The dashboard's order as terms: `orderedVendors` sorts by them, and the recommendation panel
 * (app/appetite) ranks each location class's vendors by them, so "best" follows the table's sort.
 */
export function dashboardOrderTerms(
  db: Kysely<Database>,
  params: DashboardParams,
  now: string,
): Array<[Expression<unknown>, 'asc' | 'desc']> {
  const id = sql`s.invitation_id`
  const name = caseInsensitive(db, sql.ref('s.vendor_company'))
  if (params.sort === 'vendor')
    return [
      [name, params.dir],
      [id, 'asc'],
    ]
  const key = sortExpression(db, params.sort, now)
  return [
    [sql`(${key}) is null`, 'asc'],
    [key, params.dir],
    [name, 'asc'],
    [id, 'asc'],
  ]
}

/**
 * The rows of some vendors (a page's ids), in no particular order: the summary's columns with the
 * invitation's own (contact, dates), the response id (for progress), the vendor's
 * `certifications.held` answer (for the certificates ending soon), and the current assessment's
 * residual risk and buyer action as the summary carries them (read here rather than by a query of
 * their own for the same 50 summary rows on every view).
 * SQL: select … from invitation_summary s join invitation left join response left join answer
 *      where s.engagement_id = ? and [organisation check] and s.invitation_id in (…) [PostgreSQL: = any(?)]
 */
export function listDashboardRows(db: Kysely<Database>, scope: Scope, ids: readonly string[], now: string) {
  if (ids.length === 0) return Promise.resolve([])
  return dashboardRowsQuery(db, scope, ids, now).execute()
}

/** The query behind `listDashboardRows` (exported for plan tests). */
export function dashboardRowsQuery(db: Kysely<Database>, scope: Scope, ids: readonly string[], now: string) {
  return withRowColumns(invitationSummaries(db, scope).where(isAnyOf(db, sql.ref('s.invitation_id'), ids)), now).select(
    ['s.residual_risk as residualRisk', 's.buyer_action as buyerAction'],
  )
}

/** Every matching vendor's row in the dashboard's order, for the CSV. */
export function listDashboardExportRows(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string) {
  return withRowColumns(orderedVendors(db, scope, params, now), now).execute()
}

/** The columns of a dashboard row (the page shows them; the CSV exports them). */
function withRowColumns(query: ReturnType<typeof filteredVendors>, now: string) {
  return query
    .innerJoin('invitation', 'invitation.id', 's.invitation_id')
    .leftJoin('response', 'response.invitation_id', 's.invitation_id')
    .leftJoin('answer', (join) =>
      join.onRef('answer.response_id', '=', 'response.id').on('answer.question_id', '=', 'certifications.held'),
    )
    .select([
      's.invitation_id as id',
      's.vendor_company as vendorCompany',
      'invitation.vendor_country as vendorCountry',
      'invitation.contact_name as contactName',
      's.contact_email as contactEmail',
      effectiveStatusSql(now).as('status'),
      's.expires_at as expiresAt',
      'invitation.created_at as invitedAt',
      'invitation.opened_at as openedAt',
      'invitation.started_at as startedAt',
      's.submitted_at as submittedAt',
      'invitation.reopened_at as reopenedAt',
      'invitation.revoked_at as revokedAt',
      'invitation.last_email_status as lastEmailStatus',
      'response.id as responseId',
      'response.questionnaire_version as questionnaireVersion',
      's.score',
      's.verdict',
      's.location_class as locationClass',
      's.model',
      's.blocker_count as blockerCount',
      's.condition_count as conditionCount',
      's.assessed_as_of as assessedAsOf',
      's.decision',
      's.decided_at as decidedAt',
      'answer.value_json as certificationsJson',
    ])
}

/** Every answer of some vendors, grouped by invitation (progress of the page's unfinished vendors). */
export async function listAnswersOf(
  db: Kysely<Database>,
  scope: Scope,
  invitationIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const byInvitation = new Map<string, Record<string, unknown>>()
  if (invitationIds.length === 0) return byInvitation
  const rows = await answersOf(db, scope)
    .select(['s.invitation_id as invitationId', 'answer.question_id as questionId', 'answer.value_json as valueJson'])
    .where('s.invitation_id', 'in', [...invitationIds])
    .execute()
  for (const row of rows) {
    const answers = byInvitation.get(row.invitationId) ?? {}
    answers[row.questionId] = JSON.parse(row.valueJson)
    byInvitation.set(row.invitationId, answers)
  }
  return byInvitation
}

/** Answers of the engagement's vendors, scoped (and found) through the summary's primary key. */
function answersOf(db: Kysely<Database>, scope: Scope) {
  return invitationSummaries(db, scope)
    .innerJoin('response', 'response.invitation_id', 's.invitation_id')
    .innerJoin('answer', 'answer.response_id', 'response.id')
}

/**
 * The engagement's revision: moved forward by triggers on every write to what its dashboard shows,
 * in one row or (PostgreSQL) in the row of the writing connection's shard (migration 2026-12-03T0900).
 * SQL: select r.revision + coalesce((select sum(s.revision) from engagement_revision_shard s
 *        where s.engagement_id = r.engagement_id), 0) from engagement_revision r where r.engagement_id = ?
 */
export async function engagementRevision(db: Kysely<Database>, engagementId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('engagement_revision as r')
    .select(
      sql<number>`r.revision + coalesce((select sum(s.revision) from engagement_revision_shard s where s.engagement_id = r.engagement_id), 0)`.as(
        'revision',
      ),
    )
    .where('r.engagement_id', '=', engagementId)
    .executeTakeFirst()
  return row === undefined ? undefined : Number(row.revision)
}

/**
 * The earliest link expiry after `after` among the engagement's invitations that are neither
 * submitted nor revoked (the next time one reads "expired" without any write), or undefined.
 * SQL: select min(expires_at) from invitation_summary where engagement_id = ? and status not in (…) and expires_at > ?
 */
export async function nextOpenLinkExpiry(
  db: Kysely<Database>,
  { engagementId, after }: { engagementId: string; after: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('invitation_summary')
    .select((eb) => eb.fn.min('expires_at').as('nextExpiry'))
    .where('engagement_id', '=', engagementId)
    .where('status', 'not in', ['submitted', 'revoked'])
    .where('expires_at', '>', after)
    .executeTakeFirst()
  return row?.nextExpiry ?? undefined
}
