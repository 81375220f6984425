import { CompiledQuery } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { assessedSinceQuery, listChangedVendorIds } from '#app/history/queries.server.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { addVendor } from '#test/support/dashboard-vendors.ts'
import { testDialect } from '#test/support/databases.ts'

// "Changed since your last visit" is asked on every dashboard view. It must start from the few
// assessments made since the visit, never walk the engagement's vendors (all of them): at 20,000
// vendors that walk cost 3-6 ms a view with nothing made since (docs/PERFORMANCE.md, issue 16).

beforeAll(async () => {
  await migrateToLatest(getDb())
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
