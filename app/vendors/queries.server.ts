import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database } from '#db/schema.ts'
import { effectiveStatusSql, likePattern } from '../dashboard/queries.server.ts'
import { caseInsensitive, likeInsensitive } from '../db/queries.server.ts'
import type { VendorSortKey, VendorsParams } from './vendors-params.ts'

/**
 * Every vendor of the organisation's active engagements, for the vendors page. Tenant isolation is
 * the join's own condition: `engagement.organisation_id = ?` (an invitation is listed only through
 * an engagement of the organisation). Reads `invitation_summary` (the dashboard's row per
 * invitation) with its engagement, the invitation's country and, when assessed, the current
 * assessment's residual risk and buyer action.
 * SQL: from invitation_summary s join engagement e on e.id = s.engagement_id join invitation i …
 *      left join response r … left join assessment a on a.response_id = r.id and a.is_current = 1
 *      where e.organisation_id = ? and e.status = 'active' [and filters]
 */
function matchingVendors(db: Kysely<Database>, organisationId: string, params: VendorsParams, now: string) {
  let query = db
    .selectFrom('invitation_summary as s')
    .innerJoin('engagement as e', 'e.id', 's.engagement_id')
    .where('e.organisation_id', '=', organisationId)
    .where('e.status', '=', 'active')
  if (params.status) query = query.where(sql<SqlBool>`${effectiveStatusSql(now)} = ${params.status}`)
  if (params.verdict === 'none') query = query.where('s.verdict', 'is', null)
  else if (params.verdict) query = query.where('s.verdict', '=', params.verdict)
  if (params.q) {
    const pattern = likePattern(params.q)
    query = query.where((eb) =>
      eb.or([
        likeInsensitive(db, sql.ref('s.vendor_company'), pattern),
        likeInsensitive(db, sql.ref('e.name'), pattern),
      ]),
    )
  }
  return query
}

/** How many vendors match (for the page count). */
export async function countVendors(db: Kysely<Database>, organisationId: string, params: VendorsParams, now: string) {
  const row = await matchingVendors(db, organisationId, params, now)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

function sortExpression(db: Kysely<Database>, key: VendorSortKey, now: string): Expression<unknown> {
  switch (key) {
    case 'vendor':
      return caseInsensitive(db, sql.ref('s.vendor_company'))
    case 'engagement':
      return caseInsensitive(db, sql.ref('e.name'))
    case 'country':
      return sql.ref('i.vendor_country')
    case 'status':
      return sql`(case ${effectiveStatusSql(now)} when 'invited' then 1 when 'opened' then 2 when 'in-progress' then 3 when 'reopened' then 4 when 'submitted' then 5 when 'expired' then 6 else 7 end)`
    case 'verdict':
      return sql`(case s.verdict when 'approve' then 1 when 'approve-with-conditions' then 2 when 'reject' then 3 else 4 end)`
  }
}

/** One page of matching vendors, sorted by a whitelisted key, then by name and id (pages never overlap). */
export function listVendorsPage(
  db: Kysely<Database>,
  organisationId: string,
  params: VendorsParams,
  { now, limit, offset }: { now: string; limit: number; offset: number },
) {
  return matchingVendors(db, organisationId, params, now)
    .innerJoin('invitation as i', 'i.id', 's.invitation_id')
    .leftJoin('response as r', 'r.invitation_id', 's.invitation_id')
    .leftJoin('assessment as a', (join) => join.onRef('a.response_id', '=', 'r.id').on('a.is_current', '=', 1))
    .select([
      's.invitation_id as invitationId',
      's.engagement_id as engagementId',
      'e.name as engagementName',
      'e.risk_appetite as riskAppetite',
      's.vendor_company as vendorCompany',
      'i.vendor_country as country',
      effectiveStatusSql(now).as('status'),
      's.verdict as verdict',
      's.model as model',
      'a.residual_risk as residualRisk',
      'a.buyer_action as buyerAction',
    ])
    .orderBy(sortExpression(db, params.sort, now), params.dir)
    .orderBy(caseInsensitive(db, sql.ref('s.vendor_company')))
    .orderBy('s.invitation_id')
    .limit(limit)
    .offset(offset)
    .execute()
}
