import { afterAll, beforeAll, expect, test } from 'vitest'
import { ENGINE_VERSION, RULES_VERSION } from '#app/assessment/version.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { enqueueReassessmentIfStale, listStaleAssessmentIds } from '#app/responses/reassessment.server.ts'
import { reopenResponse } from '#app/responses/submission.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import {
  assessmentsOf,
  hospitalVendorAnswers,
  OLD_STAMP,
  staleVendor,
  verdictChangeEvents,
} from '#test/support/stale-assessments.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// A database with assessments made by rules 2026.11, before the server (rules 2026.12) starts.
let server: TestServer
const world = {} as {
  org: Awaited<ReturnType<typeof createOrganisation>>
  engagementId: string
  tehran: Awaited<ReturnType<typeof staleVendor>>
  pune: Awaited<ReturnType<typeof staleVendor>>
  reopened: Awaited<ReturnType<typeof staleVendor>>
  freshResponseId: string
}

beforeAll(async () => {
  await migrateToLatest(getDb())
  world.org = await createOrganisation('Lakeside Hospital')
  world.engagementId = await createEngagement(world.org.organisationId, 'Medical coding', '2099-01-31')
  const { organisationId } = world.org
  // 2026.11 had no sanctions regime: it approved a vendor headquartered in Iran.
  world.tehran = await staleVendor(organisationId, world.engagementId, {
    company: 'Tehran Health Data',
    hqCountry: 'IR',
  })
  world.pune = await staleVendor(organisationId, world.engagementId, { company: 'Pune Records', hqCountry: 'IN' })
  world.reopened = await staleVendor(organisationId, world.engagementId, { company: 'Havana Coding', hqCountry: 'CU' })
  await reopenResponse(getDb(), {
    organisationId,
    invitationId: world.reopened.invitationId,
    userId: world.org.userId,
    message: 'Please confirm your subprocessors.',
  })
  const fresh = await createVendor(organisationId, world.engagementId, {
    company: 'Bengaluru Coding',
    answers: hospitalVendorAnswers('IN'),
  })
  world.freshResponseId = (
    await getDb()
      .selectFrom('response')
      .select('id')
      .where('invitation_id', '=', fresh.invitationId)
      .executeTakeFirstOrThrow()
  ).id
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

/**
 * The server's job has re-assessed everything (its runner polls once a second; the job table on
 * SQLite, pg-boss on PostgreSQL): no current assessment of a submitted response is older than this
 * release. Each batch commits its assessments and audit events together.
 */
async function reassessmentDone() {
  await expect.poll(() => listStaleAssessmentIds(getDb()), { timeout: 30_000, interval: 200 }).toEqual([])
}

test('a server starting with a newer rules release re-assesses current assessments in the background, once', async () => {
  await reassessmentDone()

  // The old assessment stays as history; the new one is current and stamped with this release.
  for (const vendor of [world.tehran, world.pune]) {
    const rows = await assessmentsOf(vendor.responseId)
    expect(rows.map((r) => [r.id === vendor.oldAssessmentId, r.is_current, r.rules_version, r.engine_version])).toEqual(
      [
        [true, 0, OLD_STAMP.rules, OLD_STAMP.engine],
        [false, 1, RULES_VERSION, ENGINE_VERSION],
      ],
    )
  }
  expect((await assessmentsOf(world.tehran.responseId)).map((r) => r.verdict)).toEqual(['approve', 'reject'])
  expect((await assessmentsOf(world.pune.responseId)).map((r) => r.verdict)).toEqual(['approve', 'approve'])
  // Already current, or reopened (its next submission assesses it): untouched.
  expect(await assessmentsOf(world.freshResponseId)).toHaveLength(1)
  expect((await assessmentsOf(world.reopened.responseId)).map((r) => r.rules_version)).toEqual([OLD_STAMP.rules])

  // One audit event per changed verdict: old → new, and the rule that made the difference.
  const events = await verdictChangeEvents()
  expect(events).toHaveLength(1)
  const tehranNow = (await assessmentsOf(world.tehran.responseId))[1]!
  expect(events[0]).toMatchObject({
    subject_id: tehranNow.id,
    engagement_id: world.engagementId,
    actor_type: 'system',
    detail: {
      invitationId: world.tehran.invitationId,
      vendorCompany: 'Tehran Health Data',
      previousAssessmentId: world.tehran.oldAssessmentId,
      from: { verdict: 'approve', ...OLD_STAMP },
      to: { verdict: 'reject', engine: ENGINE_VERSION, rules: RULES_VERSION },
      because: [
        {
          id: 'sanctions.comprehensively-sanctioned-country',
          kind: 'blocker',
          citation: expect.stringContaining('31 CFR 560'),
          fires: true,
        },
      ],
    },
  })
})

test('once done, a start finds nothing left to re-assess and queues nothing', async () => {
  await reassessmentDone()
  expect(await enqueueReassessmentIfStale(getDb())).toBeUndefined()
})

test('managers read which verdicts changed and why: on the dashboard and on the vendor report', async () => {
  await reassessmentDone()
  const buyer = new BrowserClient(server.baseUrl)
  await logIn(buyer, world.org)
  const base = `/app/engagements/${world.engagementId}`
  const dashboard = await (await buyer.get(base)).text()
  expect(dashboard).toContain('A verdict changed with rules release 2026.12')
  expect(dashboard).toContain(`href="${base}/vendors/${world.tehran.invitationId}"`)
  expect(dashboard).toContain(
    'Tehran Health Data</a>: Approve → Reject. Now: sanctions.comprehensively-sanctioned-country (31 CFR 515.201',
  )
  expect(dashboard).not.toContain('Pune Records</a>: Approve')

  const report = await (await buyer.get(`${base}/vendors/${world.tehran.invitationId}`)).text()
  expect(report).toContain('The verdict changed with a new rules release')
  expect(report).toMatch(
    /re-assessed this vendor under rules release 2026\.12 \(engine 1\.1\.0\): the verdict changed from Approve to Reject/,
  )
  expect(report).toContain('Now a blocker (31 CFR 515.201')
  // A vendor whose verdict stayed the same shows no notice.
  const pune = await (await buyer.get(`${base}/vendors/${world.pune.invitationId}`)).text()
  expect(pune).not.toContain('The verdict changed with a new rules release')

  // The audit log keeps it, in words, after the notices are gone.
  const audit = await (await buyer.get(`${base}/audit`)).text()
  expect(audit).toContain('Shoreline changed the verdict of Tehran Health Data under a new rules release')
  expect(audit).not.toContain('summary:')
  expect(audit).toContain(
    'Tehran Health Data: Approve → Reject under rules 2026.12 (engine 1.1.0; was rules 2026.11, engine 1.0.0); now fires: sanctions.comprehensively-sanctioned-country (31 CFR 515.201',
  )
})
