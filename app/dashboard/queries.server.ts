import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database, InvitationStatus, VendorDecisionKind } from '#db/schema.ts'
import { invitationsWithCurrentAssessment } from '../invitations/queries.server.ts'
import type { DashboardParams, SortKey } from './dashboard-params.ts'

type Scope = { organisationId: string; engagementId: string }

/**
 * The effective status in SQL, as `effectiveStatus()` computes it in JS: a link past its expiry
 * reads "expired" unless the vendor submitted or the buyer revoked it. Timestamps are ISO-8601 text
 * in UTC, so comparing strings compares instants.
 */
function effectiveStatusSql(now: string) {
  return sql<InvitationStatus>`(case when invitation.status in ('submitted', 'revoked') then invitation.status when invitation.expires_at <= ${now} then 'expired' else invitation.status end)`
}

/**
 * The whitelist of sort keys: each maps to a fixed SQL expression, never to text from the URL.
 * Enumerations sort by meaning (lifecycle order, verdict severity, distance), not alphabetically.
 */
function sortExpression(key: SortKey, now: string): Expression<unknown> {
  switch (key) {
    case 'vendor':
      return sql`invitation.vendor_company collate nocase`
    case 'status':
      return sql`(case ${effectiveStatusSql(now)} when 'invited' then 1 when 'opened' then 2 when 'in-progress' then 3 when 'reopened' then 4 when 'submitted' then 5 when 'expired' then 6 else 7 end)`
    case 'score':
      return sql`assessment.score`
    case 'verdict':
      return sql`(case assessment.verdict when 'approve' then 1 when 'approve-with-conditions' then 2 when 'reject' then 3 end)`
    case 'location':
      return sql`(case assessment.location_class when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)`
    case 'model':
      return sql`(case assessment.model when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)`
    case 'blockers':
      return sql`assessment.blocker_count`
    case 'conditions':
      return sql`assessment.condition_count`
    case 'decision':
      return sql`(case vendor_decision.decision when 'approved' then 1 when 'shortlisted' then 2 when 'rejected' then 3 end)`
    case 'submitted':
      return sql`invitation.submitted_at`
  }
}

/** `%text%` for LIKE with the user's own % and _ taken literally (paired with `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * The engagement's vendors joined to their response and current assessment, with the dashboard's
 * filters applied; the current decision is joined only when a filter or the sort needs it (the join
 * costs about 1 ms over 2,000 vendors; otherwise the page's decisions are read for its 50 rows).
 * Every row is one invitation: the current assessment and decision are at most one row each.
 *
 * SQL: from invitation
 *        left join response on response.invitation_id = invitation.id
 *        left join assessment on assessment.response_id = response.id and assessment.is_current = 1
 *        [left join vendor_decision on vendor_decision.invitation_id = invitation.id and vendor_decision.is_current = 1]
 *      where invitation.organisation_id = ? and invitation.engagement_id = ? [and filters]
 */
function filteredVendors(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string) {
  let query = invitationsWithCurrentAssessment(db, scope).$if(needsDecisionJoin(params), (qb) => {
    const joined = qb.leftJoin('vendor_decision', (join) =>
      join.onRef('vendor_decision.invitation_id', '=', 'invitation.id').on('vendor_decision.is_current', '=', 1),
    )
    if (params.decision === 'none') return joined.where('vendor_decision.decision', 'is', null)
    if (params.decision) return joined.where('vendor_decision.decision', '=', params.decision)
    return joined
  })
  if (params.verdict) query = query.where('assessment.verdict', '=', params.verdict)
  if (params.location) query = query.where('assessment.location_class', '=', params.location)
  if (params.status) query = query.where(sql<SqlBool>`${effectiveStatusSql(now)} = ${params.status}`)
  if (params.q) {
    const pattern = likePattern(params.q)
    // LIKE is case-insensitive for ASCII in SQLite (and lower() would not help the index either).
    query = query.where(
      sql<SqlBool>`(invitation.vendor_company like ${pattern} escape '\\' or invitation.contact_email like ${pattern} escape '\\')`,
    )
  }
  return query
}

export function needsDecisionJoin(params: DashboardParams): boolean {
  return params.decision !== undefined || params.sort === 'decision'
}

/**
 * How many vendors match, by verdict (null: not assessed yet). The total is their sum.
 * SQL: select assessment.verdict, count(*) … [filtered] group by assessment.verdict
 */
export function countVendorsByVerdict(db: Kysely<Database>, scope: Scope, params: DashboardParams, now: string) {
  return filteredVendors(db, scope, params, now)
    .select(['assessment.verdict', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('assessment.verdict')
    .execute()
}

/**
 * One page of matching vendors (or all of them when `limit` is undefined, for the CSV), sorted by a
 * whitelisted key with vendors lacking that value last in either direction, then by name and id so
 * pages never overlap.
 *
 * A page is read in two steps: the ids in order (the sort visits every matching vendor, so it
 * carries as little as it can), then the page's rows by id. Sorting the full rows kept up to
 * offset + 50 wide rows in SQLite's sorter: with 2,000 vendors, 6–8 ms at page 20 against 3.5–4.5 ms
 * for the ids (docs/PERFORMANCE.md).
 * SQL: select invitation.id … [filtered] order by (key) is null, key dir, vendor_company collate nocase, id limit ? offset ?
 *      select … from invitation left join response left join assessment where invitation.id in (…page ids)
 */
export async function listDashboardVendors(
  db: Kysely<Database>,
  scope: Scope,
  params: DashboardParams,
  { now, limit, offset = 0 }: { now: string; limit?: number; offset?: number },
) {
  const key = sortExpression(params.sort, now)
  const ordered = filteredVendors(db, scope, params, now)
    .orderBy(sql`(${key}) is null`)
    .orderBy(key, params.dir)
    .orderBy(sql`invitation.vendor_company collate nocase`)
    .orderBy('invitation.id')
  if (limit === undefined) return ordered.select(dashboardColumns(now)).execute()

  const ids = (await ordered.select('invitation.id').limit(limit).offset(offset).execute()).map((row) => row.id)
  if (ids.length === 0) return []
  const rows = await invitationsWithCurrentAssessment(db, scope)
    .select(dashboardColumns(now))
    .where('invitation.id', 'in', ids)
    .execute()
  const position = new Map(ids.map((id, i) => [id, i]))
  return rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
}

/** The columns of a dashboard row (the page shows them; the CSV exports them). */
function dashboardColumns(now: string) {
  return [
    'invitation.id',
    'invitation.vendor_company as vendorCompany',
    'invitation.vendor_country as vendorCountry',
    'invitation.contact_name as contactName',
    'invitation.contact_email as contactEmail',
    effectiveStatusSql(now).as('status'),
    'invitation.expires_at as expiresAt',
    'invitation.created_at as invitedAt',
    'invitation.opened_at as openedAt',
    'invitation.started_at as startedAt',
    'invitation.submitted_at as submittedAt',
    'invitation.reopened_at as reopenedAt',
    'invitation.revoked_at as revokedAt',
    'invitation.last_activity_at as lastActivityAt',
    'invitation.last_email_status as lastEmailStatus',
    'response.id as responseId',
    'assessment.score',
    'assessment.verdict',
    'assessment.location_class as locationClass',
    'assessment.model',
    'assessment.blocker_count as blockerCount',
    'assessment.condition_count as conditionCount',
    'assessment.as_of as assessedAsOf',
  ] as const
}

/**
 * The `certifications.held` answers of some vendors (by invitation id), or of every vendor of the
 * engagement when `invitationIds` is undefined (the CSV: one read instead of an IN list of 2,000).
 * SQL: select response.invitation_id, answer.value_json from answer join response join invitation
 *      where answer.question_id = 'certifications.held' and invitation.engagement_id = ? [and id in (…)]
 */
export async function listCertificationAnswers(
  db: Kysely<Database>,
  scope: Scope,
  invitationIds?: readonly string[],
): Promise<Map<string, unknown>> {
  if (invitationIds?.length === 0) return new Map()
  let query = db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .select(['invitation.id as invitationId', 'answer.value_json as valueJson'])
    .where('answer.question_id', '=', 'certifications.held')
    .where('invitation.organisation_id', '=', scope.organisationId)
    .where('invitation.engagement_id', '=', scope.engagementId)
  if (invitationIds) query = query.where('invitation.id', 'in', invitationIds)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.invitationId, JSON.parse(row.valueJson) as unknown]))
}

/**
 * The current decision of some vendors (by invitation id), or of every vendor of the engagement
 * when `invitationIds` is undefined.
 * SQL: select invitation_id, decision, created_at from vendor_decision
 *      where is_current = 1 and organisation_id = ? and engagement_id = ? [and invitation_id in (…)]
 */
export async function listCurrentDecisions(
  db: Kysely<Database>,
  scope: Scope,
  invitationIds?: readonly string[],
): Promise<Map<string, { decision: VendorDecisionKind; decidedAt: string }>> {
  if (invitationIds?.length === 0) return new Map()
  let query = db
    .selectFrom('vendor_decision')
    .select(['invitation_id as invitationId', 'decision', 'created_at as decidedAt'])
    .where('is_current', '=', 1)
    .where('organisation_id', '=', scope.organisationId)
    .where('engagement_id', '=', scope.engagementId)
  if (invitationIds) query = query.where('invitation_id', 'in', invitationIds)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.invitationId, { decision: row.decision, decidedAt: row.decidedAt }]))
}

/** Every answer of some vendors, grouped by invitation (progress of the page's unfinished vendors). */
export async function listAnswersOf(
  db: Kysely<Database>,
  scope: Scope,
  invitationIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const byInvitation = new Map<string, Record<string, unknown>>()
  if (invitationIds.length === 0) return byInvitation
  const rows = await db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .select(['invitation.id as invitationId', 'answer.question_id as questionId', 'answer.value_json as valueJson'])
    .where('invitation.organisation_id', '=', scope.organisationId)
    .where('invitation.engagement_id', '=', scope.engagementId)
    .where('invitation.id', 'in', invitationIds)
    .execute()
  for (const row of rows) {
    const answers = byInvitation.get(row.invitationId) ?? {}
    answers[row.questionId] = JSON.parse(row.valueJson)
    byInvitation.set(row.invitationId, answers)
  }
  return byInvitation
}
