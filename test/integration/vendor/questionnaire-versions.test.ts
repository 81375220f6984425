import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { answeredShare } from '#app/questionnaire/progress.ts'
import { completeDemoAnswers } from '#db/demo/complete-answers.ts'
import { up as moveEngagementsToV2 } from '#db/migrations/2026-12-02T1300_move_engagements_to_questionnaire_v2.ts'
import { getQuestionnaire } from '#questionnaires/index.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { storedAnswers } from '#test/support/invite-through-app.ts'
import { openVendorSession } from '#test/support/route-world.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

/**
 * Questionnaire versions (DECISIONS.md "Versions"): engagements move to v2, so new invitations
 * answer v2, while a response keeps the version it was opened with.
 */

let server: TestServer
const world = {} as {
  org: Awaited<ReturnType<typeof createOrganisation>>
  engagementId: string
  v1: string
  v2: string
  v1Answers: Record<string, unknown>
}
const HOSPITAL = {
  homeCountry: 'US',
  industry: 'healthcare',
  dataCategories: ['phi'],
  volumes: {},
  flags: {},
  purposes: [],
}
const V1 = getQuestionnaire('cross-border-core', 1)!
const FIPS_VERSION_PROMPT = 'Are all of these modules validated under FIPS 140-3?'

beforeAll(async () => {
  await migrateToLatest(getDb())
  const org = await createOrganisation()
  world.org = org
  // An engagement made before v2 (on v1), whose first vendor opened its questionnaire then and
  // answered nearly all of it.
  world.engagementId = await createEngagement(org.organisationId, 'Engineering records')
  const answers = {
    'handling.fips140Validated': true,
    'certifications.held': [{ type: 'cmmc-l2', issued: '2026-01-15', expires: '2029-01-14' }],
  }
  world.v1Answers = completeDemoAnswers(answers, HOSPITAL, { company: 'Early Vendor', country: 'IN' }, V1)
  delete world.v1Answers['incident.notificationHours']
  world.v1 = (
    await createVendor(org.organisationId, world.engagementId, {
      company: 'Early Vendor',
      answers: world.v1Answers,
      submit: false,
    })
  ).invitationId
  // Stage 2 of issue 11 lands: engagements move to v2, and vendors invited from now on answer it.
  await moveEngagementsToV2(getDb())
  world.v2 = (
    await createVendor(org.organisationId, world.engagementId, { company: 'Later Vendor', answers, submit: false })
  ).invitationId
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

function autosave(vendor: BrowserClient, body: unknown) {
  return fetch(`${server.baseUrl}/v/answers`, {
    method: 'POST',
    headers: { cookie: vendor.cookieHeader(), origin: server.baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function versionOf(invitationId: string) {
  const row = await getDb()
    .selectFrom('response')
    .select('questionnaire_version')
    .where('invitation_id', '=', invitationId)
    .executeTakeFirstOrThrow()
  return row.questionnaire_version
}

describe('questionnaire versions', () => {
  test('the engagement moved to v2; the response opened before keeps v1, a new one starts on v2', async () => {
    const engagement = await getDb()
      .selectFrom('engagement')
      .select('questionnaire_version')
      .where('id', '=', world.engagementId)
      .executeTakeFirstOrThrow()
    expect(engagement.questionnaire_version).toBe(2)
    expect([await versionOf(world.v1), await versionOf(world.v2)]).toEqual([1, 2])
  })

  test('each vendor answers the version of its own response', async () => {
    const early = await openVendorSession(server.baseUrl, world.v1)
    const later = await openVendorSession(server.baseUrl, world.v2)
    expect(await (await early.get('/v/section/handling')).text()).not.toContain(FIPS_VERSION_PROMPT)
    expect(await (await later.get('/v/section/handling')).text()).toContain(FIPS_VERSION_PROMPT)
    // v1 never asks it, so a v1 vendor cannot answer it either.
    const refused = await autosave(early, {
      questionId: 'handling.fipsVersion',
      value: 'fips-140-3',
      baseVersion: 0,
    })
    expect(refused.status).toBe(404)
    const saved = await autosave(later, {
      questionId: 'handling.fipsVersion',
      value: 'fips-140-3',
      baseVersion: 0,
    })
    expect(saved.status).toBe(200)
  })

  test('CMMC certificate rows of v2 ask who assessed and the status; other rows, and v1, do not', async () => {
    const early = await openVendorSession(server.baseUrl, world.v1)
    const later = await openVendorSession(server.baseUrl, world.v2)
    expect(await (await early.get('/v/section/certifications')).text()).not.toContain('CMMC assessed by')
    expect(await (await later.get('/v/section/certifications')).text()).toContain('CMMC assessed by')

    // A plain form post: a CMMC row with its assessor and status, and an ISO row that still carries
    // an assessor from when it was a CMMC row (the form keeps a hidden field's value).
    const posted = await later.post('/v/section/certifications', {
      'certifications.held.__present': '1',
      'certifications.held.0.type': 'cmmc-l2',
      'certifications.held.0.issued': '2026-01-15',
      'certifications.held.0.expires': '2029-01-14',
      'certifications.held.0.edition': '',
      'certifications.held.0.assessor': 'c3pao',
      'certifications.held.0.status': 'conditional',
      'certifications.held.0.evidenceId': '',
      'certifications.held.1.type': 'iso27001',
      'certifications.held.1.issued': '2025-03-01',
      'certifications.held.1.expires': '2028-02-28',
      'certifications.held.1.edition': '2022',
      'certifications.held.1.assessor': 'self',
      'certifications.held.1.status': '',
      'certifications.held.1.evidenceId': '',
      '__v.certifications.held': '1',
    })
    expect(posted.status).toBe(302)
    expect((await storedAnswers(world.v2)).get('certifications.held')?.value).toEqual([
      { type: 'cmmc-l2', issued: '2026-01-15', expires: '2029-01-14', assessor: 'c3pao', status: 'conditional' },
      { type: 'iso27001', issued: '2025-03-01', expires: '2028-02-28', edition: '2022' },
    ])
    const page = await (await later.get('/v/section/certifications')).text()
    expect(page).toMatch(/<option value="c3pao" selected="">/)
    expect(page).toMatch(/<option value="conditional" selected="">/)
  })

  test('the buyer’s progress column counts a response against its own version, as the vendor’s pages do', async () => {
    const context = { answers: world.v1Answers, regimes: ['hipaa', 'sanctions'], profile: HOSPITAL }
    const own = answeredShare(V1, context).percent
    // v2 shows one question more to this vendor (FIPS 140-3, as it uses FIPS modules).
    expect(answeredShare(getQuestionnaire('cross-border-core', 2)!, context).percent).not.toBe(own)
    const buyer = new BrowserClient(server.baseUrl)
    await logIn(buyer, world.org)
    const dashboard = await (await buyer.get(`/app/engagements/${world.engagementId}`)).text()
    expect(dashboard).toContain(`${own}% answered`)
  })

  test('in Spanish and Chinese too', async () => {
    const later = await openVendorSession(server.baseUrl, world.v2)
    await later.post('/v/language', { lang: 'es', redirectTo: '/v' })
    expect(await (await later.get('/v/section/certifications')).text()).toContain('CMMC evaluado por')
    await later.post('/v/language', { lang: 'zh', redirectTo: '/v' })
    expect(await (await later.get('/v/section/certifications')).text()).toContain('CMMC 评估方')
  })
})
