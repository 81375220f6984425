import { type CompiledQuery, sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { type DashboardParams, PAGE_SIZE, parseDashboardParams } from '#app/dashboard/dashboard-params.ts'
import {
  dashboardRowsQuery,
  listDashboardPageIds,
  listDashboardRows,
  pageIdsQuery,
} from '#app/dashboard/queries.server.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { createOrganisation } from '#test/support/accounts.ts'
import { generateEngagement } from '../../../scripts/generate-engagement.ts'

// What PostgreSQL makes of the dashboard's two reads on a manager's first look (README decision 99),
// on a generated 2,000-vendor engagement with the statistics autovacuum keeps. With the planner's
// default random_page_cost (4) a deep page sorted the whole engagement (2.8 ms against 0.65 ms a
// page), and the page's 50 rows, asked for as a list of 50 values, were found by reading
// `invitation` and `response` whole and hashing them (1.9 ms against 0.7 ms): docs/PERFORMANCE.md.

const VENDORS = 2000
let scope: { organisationId: string; engagementId: string }

beforeAll(async () => {
  const db = getDb()
  await migrateToLatest(db)
  const org = await createOrganisation('Dashboard Plans Org')
  const { engagementId } = await generateEngagement(db, { organisationId: org.organisationId, vendors: VENDORS })
  scope = { organisationId: org.organisationId, engagementId }
  await sql`vacuum (analyze)`.execute(db)
}, 300_000)

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

/** The plan PostgreSQL runs the query with, on one of the app's own connections: its nodes, flattened. */
async function planOf(query: CompiledQuery): Promise<PlanNode[]> {
  const { rows } = await getDb().executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>({
    ...query,
    sql: `explain (format json) ${query.sql}`,
  })
  const nodes: PlanNode[] = []
  const visit = (node: PlanNode) => {
    nodes.push(node)
    for (const child of node.Plans ?? []) visit(child)
  }
  for (const { Plan } of rows[0]?.['QUERY PLAN'] ?? []) visit(Plan)
  return nodes
}

const params = (search: string): DashboardParams => parseDashboardParams(new URLSearchParams(search)).params

describe("the dashboard's reads on PostgreSQL", () => {
  test("the app's connections price index reads as the cached data they are (random_page_cost 1.1)", async () => {
    const { rows } = await sql<{ random_page_cost: string }>`show random_page_cost`.execute(getDb())
    expect(rows[0]?.random_page_cost).toBe('1.1')
  })

  test('an `options` parameter in DATABASE_URL takes the place of that setting', async () => {
    const url = new URL(process.env.DATABASE_URL ?? '')
    url.searchParams.set('options', '-c random_page_cost=2')
    const { createPgPool } = await import('#app/db.server.ts')
    const pool = createPgPool({ url: url.toString(), poolSize: 1 })
    try {
      const { rows } = await pool.query<{ random_page_cost: string }>('show random_page_cost')
      expect(rows[0]?.random_page_cost).toBe('2')
    } finally {
      await pool.end()
    }
  })

  test("a page deep in the list walks the sort's index instead of sorting every vendor", async () => {
    const view = params('sort=blockers&dir=desc&page=14')
    const { query, fromEnd } = pageIdsQuery(getDb(), scope, view, {
      now: new Date().toISOString(),
      limit: PAGE_SIZE,
      offset: 13 * PAGE_SIZE,
      total: VENDORS,
    })
    expect(fromEnd).toBe(false)
    const plan = await planOf(query.compile())
    expect(plan.map((node) => node['Index Name'])).toContain('invitation_summary_blockers_desc')
    expect(plan.map((node) => node['Node Type'])).not.toContain('Sort')
  })

  test("a page's rows are found by their keys, in one statement text whatever the page's length", async () => {
    const db = getDb()
    const now = new Date().toISOString()
    const ids = await listDashboardPageIds(db, scope, params('sort=vendor'), {
      now,
      limit: PAGE_SIZE,
      offset: 700,
      total: VENDORS,
    })
    expect(ids).toHaveLength(PAGE_SIZE)
    const rows = await listDashboardRows(db, scope, ids, now)
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort())

    // One text for a full page and the last page's few: one prepared statement, planned once.
    const full = dashboardRowsQuery(db, scope, ids, now).compile()
    expect(dashboardRowsQuery(db, scope, ids.slice(0, 3), now).compile().sql).toBe(full.sql)
    const reads = (await planOf(full))
      .filter((node) => node['Relation Name'] && node['Relation Name'] !== 'engagement')
      .map((node) => `${node['Relation Name']}: ${node['Node Type']}`)
    expect(reads.sort()).toEqual([
      'answer: Index Scan',
      'invitation: Index Scan',
      'invitation_summary: Index Scan',
      'response: Index Scan',
    ])
  })
})
