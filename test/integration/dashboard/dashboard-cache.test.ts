import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cachedDashboardPage, engagementRevision } from '#app/dashboard/dashboard-cache.server.ts'
import { parseDashboardParams } from '#app/dashboard/dashboard-params.ts'
import { getDb } from '#app/db.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { DEMO_ENGAGEMENTS } from '#db/demo/engagements.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { addVendor } from '#test/support/dashboard-vendors.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// The dashboard is served from two caches (its data by engagement revision, its HTML by a hash of
// its inputs). These tests hold them to the promise that matters to a manager: the page never shows
// anything older than the last write, whoever made it, and a link that expires shows as expired
// without anyone writing anything.

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

async function buyerWithEngagement(name: string) {
  const org = await createOrganisation(name)
  const engagementId = await createEngagement(org.organisationId, 'Claims processing')
  const buyer = new BrowserClient(server.baseUrl)
  await logIn(buyer, org)
  return { org, engagementId, buyer, scope: { organisationId: org.organisationId, engagementId } }
}

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? ''

describe('the engagement revision', () => {
  test('moves forward on every write to what the dashboard shows, in that engagement only', async () => {
    const db = getDb()
    const ctx = await buyerWithEngagement('Revision Org')
    const other = await createEngagement(ctx.org.organisationId, 'Another engagement')
    const revision = async () => (await engagementRevision(db, ctx.engagementId)) ?? -1
    const otherRevision = async () => (await engagementRevision(db, other)) ?? -1
    expect(await revision()).toBeGreaterThanOrEqual(0)

    const steps: Array<[string, () => Promise<unknown>]> = []
    let invitationId = ''
    steps.push([
      'a vendor invited (with a response, answer and assessment)',
      async () => {
        invitationId = await addVendor(ctx.scope, {
          company: 'Rev Vendor',
          assessment: { score: 70, verdict: 'approve' },
          certifications: [{ type: 'iso27001', issued: '2025-01-01', expires: '2028-01-01' }],
        })
      },
    ])
    const responseId = async () =>
      (await db.selectFrom('response').select('id').where('invitation_id', '=', invitationId).executeTakeFirstOrThrow())
        .id
    steps.push([
      'an invitation updated',
      () => db.updateTable('invitation').set({ contact_name: 'New Name' }).where('id', '=', invitationId).execute(),
    ])
    steps.push([
      'an answer saved',
      async () =>
        db
          .insertInto('answer')
          .values({
            id: newId(),
            response_id: await responseId(),
            question_id: 'data.storage_countries',
            value_json: '["IN"]',
            created_at: nowIso(),
            updated_at: nowIso(),
          })
          .execute(),
    ])
    steps.push([
      'an answer deleted',
      async () =>
        db
          .deleteFrom('answer')
          .where('response_id', '=', await responseId())
          .where('question_id', '=', 'data.storage_countries')
          .execute(),
    ])
    steps.push([
      'an assessment superseded',
      async () =>
        db
          .updateTable('assessment')
          .set({ is_current: 0 })
          .where('response_id', '=', await responseId())
          .execute(),
    ])
    steps.push([
      'a response reopened',
      () => db.updateTable('response').set({ status: 'draft' }).where('invitation_id', '=', invitationId).execute(),
    ])
    steps.push([
      'a decision recorded',
      () =>
        db
          .insertInto('vendor_decision')
          .values({
            id: newId(),
            organisation_id: ctx.org.organisationId,
            engagement_id: ctx.engagementId,
            invitation_id: invitationId,
            decision: 'shortlisted',
            created_at: nowIso(),
          })
          .execute(),
    ])
    steps.push([
      'the profile edited',
      () =>
        db
          .updateTable('regulatory_profile')
          .set({ updated_at: nowIso() })
          .where('engagement_id', '=', ctx.engagementId)
          .execute(),
    ])
    steps.push([
      'the engagement renamed',
      () => db.updateTable('engagement').set({ name: 'Renamed' }).where('id', '=', ctx.engagementId).execute(),
    ])

    const otherBefore = await otherRevision()
    for (const [what, write] of steps) {
      const before = await revision()
      await write()
      expect(await revision(), what).toBeGreaterThan(before)
    }
    expect(await otherRevision()).toBe(otherBefore)
  })

  test('a new engagement starts with a revision', async () => {
    const org = await createOrganisation('Fresh Org')
    const engagementId = await createEngagement(org.organisationId, 'Fresh')
    expect(await engagementRevision(getDb(), engagementId)).toBeTypeOf('number')
  })
})

describe('the cached dashboard', () => {
  test('serves the same page twice with a fresh nonce each time, and shows writes made outside the app at once', async () => {
    const ctx = await buyerWithEngagement('Cache Org')
    const page = `/app/engagements/${ctx.engagementId}`
    const id = await addVendor(ctx.scope, { company: 'Lagos Ledger', assessment: { score: 81, verdict: 'approve' } })

    // The first two renders are fresh (a page is kept the second time); the third is the kept one.
    const first = await ctx.buyer.get(page)
    await (await ctx.buyer.get(page)).arrayBuffer()
    const second = await ctx.buyer.get(page)
    const [firstHtml, secondHtml] = [await first.text(), await second.text()]
    const [firstNonce, secondNonce] = [nonceOf(first), nonceOf(second)]
    expect(firstNonce).not.toBe('')
    expect(secondNonce).not.toBe(firstNonce)
    // Every script of the kept page carries the later response's nonce, none the first's.
    expect(secondHtml).toContain(`nonce="${secondNonce}"`)
    expect(secondHtml).not.toContain(firstNonce)
    expect(secondHtml.replaceAll(secondNonce, firstNonce)).toBe(firstHtml)
    expect(secondHtml).toContain('Lagos Ledger')

    // A write by another program (a script, the seed): the triggers move the revision.
    await getDb().updateTable('invitation').set({ vendor_company: 'Lagos Ledger Ltd' }).where('id', '=', id).execute()
    const renamed = await (await ctx.buyer.get(page)).text()
    expect(renamed).toContain('Lagos Ledger Ltd')

    // The counts by verdict, kept apart from the pages (a new sort reuses them), follow a new vendor.
    const byName = `${page}?sort=vendor`
    expect(await (await ctx.buyer.get(byName)).text()).toMatch(/<strong>1 vendor<\/strong>/)
    await addVendor(ctx.scope, { company: 'Accra Analytics', assessment: { score: 40, verdict: 'reject' } })
    const grown = await (await ctx.buyer.get(byName)).text()
    expect(grown).toMatch(/<strong>2 vendors<\/strong>/)
    expect(grown).toContain('Reject: 1')
  })

  test("a manager's decision shows on the dashboard right after it is recorded", async () => {
    const ctx = await buyerWithEngagement('Decision Cache Org')
    const page = `/app/engagements/${ctx.engagementId}`
    // A vendor submitted and assessed as the app would (the report page reads the whole assessment).
    const company = 'Caribe Health Information Services'
    const answers = DEMO_ENGAGEMENTS[0]?.vendors.find((v) => v.company === company)?.answers ?? {}
    const { invitationId: id } = await createVendor(ctx.org.organisationId, ctx.engagementId, {
      company,
      country: 'PR',
      answers,
    })
    const before = await (await ctx.buyer.get(page)).text()
    expect(before).not.toContain('badge decision-approved')

    const decided = await ctx.buyer.post(`${page}/vendors/${id}`, {
      intent: 'decide',
      decision: 'approved',
      comment: 'Meets every condition.',
    })
    expect(decided.status).toBe(200)
    const after = await (await ctx.buyer.get(page)).text()
    expect(after).toContain('badge decision-approved')
  })

  test('a link that expires turns "expired" without any write, and certificates are counted for the day asked', async () => {
    const db = getDb()
    const ctx = await buyerWithEngagement('Clock Org')
    const id = await addVendor(ctx.scope, {
      company: 'Hanoi Hosting',
      certifications: [{ type: 'iso27001', issued: '2025-01-01', expires: '2027-03-01' }],
      status: 'in-progress',
    })
    await db.updateTable('invitation').set({ expires_at: '2027-01-10T12:00:00.000Z' }).where('id', '=', id).execute()
    const { params } = parseDashboardParams(new URLSearchParams())
    const at = async (iso: string) => {
      const { vendors } = await cachedDashboardPage(db, { scope: ctx.scope, params, now: new Date(iso) })
      const vendor = vendors.find((v) => v.id === id)
      return { status: vendor?.status, expiring: vendor?.expiring.map((c) => c.validUntil) ?? [] }
    }

    // 2026-11-30: the certificate ends in more than 90 days; the link is open.
    expect(await at('2026-11-30T09:00:00.000Z')).toEqual({ status: 'in-progress', expiring: [] })
    // Same revision, a later day: the certificate now ends within 90 days.
    expect(await at('2026-12-02T09:00:00.000Z')).toEqual({ status: 'in-progress', expiring: ['2027-03-01'] })
    // Same day as the expiry, one minute before and one minute after it.
    expect((await at('2027-01-10T11:59:00.000Z')).status).toBe('in-progress')
    expect((await at('2027-01-10T12:01:00.000Z')).status).toBe('expired')
  })

  test('every engagement, seeded or created, has a revision row', async () => {
    const db = getDb()
    const { count } = await db
      .selectFrom('engagement')
      .leftJoin('engagement_revision', 'engagement_revision.engagement_id', 'engagement.id')
      .select(sql<number>`count(*) filter (where engagement_revision.engagement_id is null)`.as('count'))
      .executeTakeFirstOrThrow()
    expect(count).toBe(0)
  })
})
