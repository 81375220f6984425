import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { assessedSinceQuery, listChangedVendorIds } from '#app/history/queries.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { addVendor } from '#test/support/dashboard-vendors.ts'
import { testDialect } from '#test/support/databases.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

// "Changed since your last visit" is asked on every dashboard view. It must start from the few
// assessments made since the visit, never walk the engagement's vendors (all of them): at 20,000
// vendors that walk cost 3-6 ms a view with nothing made since (docs/PERFORMANCE.md, issue 16).

let server: TestServer
beforeAll(async () => {
  await migrateToLatest(getDb())
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('vendors changed since a visit', () => {
  test("are the engagement's vendors assessed after it, read from the assessments made since", async () => {
    const db = getDb()
    const org = await createOrganisation('Changed Since Org')
    const mine = await createEngagement(org.organisationId, 'Mine')
    const other = await createEngagement(org.organisationId, 'Other')
    const scope = { organisationId: org.organisationId, engagementId: mine }
    const before = await addVendor(scope, { company: 'Assessed Before', assessment: { score: 70, verdict: 'approve' } })
    const after = await addVendor(scope, { company: 'Assessed After', assessment: { score: 50, verdict: 'reject' } })
    await addVendor(scope, { company: 'Never Assessed' })
    await addVendor(
      { organisationId: org.organisationId, engagementId: other },
      { company: 'Another Engagement', assessment: { score: 60, verdict: 'approve' } },
    )
    const responseOf = db.selectFrom('response').select('id').where('invitation_id', '=', before)
    await db
      .updateTable('assessment')
      .set({ created_at: '2026-01-01T00:00:00.000Z' })
      .where('response_id', 'in', responseOf)
      .execute()

    const since = '2026-06-01T00:00:00.000Z'
    expect(await listChangedVendorIds(db, { engagementId: mine, since })).toEqual([after])
    expect(await listChangedVendorIds(db, { engagementId: mine, since: '2025-01-01T00:00:00.000Z' })).toHaveLength(2)

    if (testDialect() === 'sqlite') {
      // SQLite reads the tables in the order written (CROSS JOIN): the assessments by creation first.
      const compiled = assessedSinceQuery(db, { engagementId: mine, since }).compile()
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      )
      const steps = plan.rows.map((row) => row.detail)
      expect(steps[0], steps.join(' | ')).toMatch(/^SEARCH assessment USING (COVERING )?INDEX assessment_created_idx/)
      expect(steps.join(' | ')).not.toContain('invitation_engagement_idx')
    }
  })
})

describe('the dashboard after a visit', () => {
  test('counts every vendor changed since, and carries only the marks of its own rows', async () => {
    const org = await createOrganisation('Changed Page Org')
    const engagementId = await createEngagement(org.organisationId, 'Sixty changed')
    const scope = { organisationId: org.organisationId, engagementId }
    // Scores 100 down to 41: the default sort (score, best first) puts the last ten on page 2.
    const ids: string[] = []
    for (let i = 0; i < 60; i++) {
      ids.push(
        await addVendor(scope, {
          company: `Vendor ${String(i).padStart(2, '0')}`,
          assessment: { score: 100 - i, verdict: 'approve', locationClass: 'onshore' },
        }),
      )
    }
    const buyer = new BrowserClient(server.baseUrl)
    await logIn(buyer, org)
    const dashboard = `/app/engagements/${engagementId}`
    await (await buyer.get(dashboard)).text()
    // The previous visit was an hour ago: every vendor's assessment is newer (a rules release).
    await getDb()
      .updateTable('engagement_visit')
      .set({ seen_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('engagement_id', '=', engagementId)
      .execute()

    const html = await (await buyer.get(dashboard)).text()
    expect(html).toContain('60 vendors have changed since your last visit')
    expect(html.match(/Changed since your last visit<\/span>/g)).toHaveLength(50)
    // Page 2's vendors are nowhere in page 1, not even in the data it is hydrated from.
    for (const id of ids.slice(50)) expect(html).not.toContain(id)
  })
})
