import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AppetiteJudgement } from '#app/appetite/judgement.ts'
import { getDb } from '#app/db.server.ts'
import { DEMO_ENGAGEMENTS } from '#db/demo/engagements.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// Risk appetite (issue 14): what is stored with each assessment, the engagement's settings (bad
// input is a 4xx that changes nothing), and the one line, the suggestions and the recommendation
// where a vendor's result shows, in the pages and the PDFs.

const demo = (company: string) => DEMO_ENGAGEMENTS[0]!.vendors.find((v) => v.company === company)!.answers!

let server: TestServer
let tmp: string
const ctx = {} as {
  org: Awaited<ReturnType<typeof createOrganisation>>
  engagementId: string
  /** Low risk: within any appetite. */
  caribe: string
  /** Medium risk (access to PHI not logged): within a medium appetite, not a low one. */
  logless: string
  /** Refuses a BAA: not allowed. */
  manila: string
  manager: BrowserClient
  stranger: BrowserClient
  strangerEngagementId: string
}

beforeAll(async () => {
  server = await startTestServer()
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shoreline-appetite-'))
  ctx.org = await createOrganisation('Lakeside Hospital')
  ctx.engagementId = await createEngagement(ctx.org.organisationId, 'Outpatient coding')
  const scope = [ctx.org.organisationId, ctx.engagementId] as const
  const caribe = demo('Caribe Health Information Services')
  ctx.caribe = (await createVendor(...scope, { company: 'Caribe Health', country: 'PR', answers: caribe })).invitationId
  ctx.logless = (
    await createVendor(...scope, {
      company: 'Logless Coding',
      country: 'PR',
      answers: { ...caribe, 'handling.accessLogging': false },
    })
  ).invitationId
  ctx.manila = (
    await createVendor(...scope, { company: 'Manila MedCode', country: 'PH', answers: demo('Manila MedCode') })
  ).invitationId
  ctx.manager = new BrowserClient(server.baseUrl)
  await logIn(ctx.manager, await addMember(ctx.org.organisationId, 'manager'))
  const other = await createOrganisation('Another Hospital')
  ctx.strangerEngagementId = await createEngagement(other.organisationId, 'Their coding')
  ctx.stranger = new BrowserClient(server.baseUrl)
  await logIn(ctx.stranger, other)
})

afterAll(async () => {
  await server?.close()
  rmSync(tmp, { recursive: true, force: true })
})

/** The current assessment of a vendor, with what the risk policy made of it. */
async function current(invitationId: string) {
  const row = await getDb()
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select([
      'assessment.id',
      'assessment.residual_risk as residualRisk',
      'assessment.buyer_action as action',
      'assessment.qualify_changes as qualifyChanges',
      'assessment.appetite_json as appetiteJson',
      'assessment.result_json as resultJson',
    ])
    .where('response.invitation_id', '=', invitationId)
    .where('assessment.is_current', '=', 1)
    .executeTakeFirstOrThrow()
  return { ...row, judgement: JSON.parse(row.appetiteJson ?? 'null') as AppetiteJudgement }
}

async function snapshot() {
  const db = getDb()
  return {
    engagement: await db.selectFrom('engagement').selectAll().where('id', '=', ctx.engagementId).executeTakeFirst(),
    audits: (await db.selectFrom('audit_event').select('id').execute()).length,
    assessments: (await db.selectFrom('assessment').select('id').execute()).length,
  }
}

const profilePath = () => `/app/engagements/${ctx.engagementId}/profile`
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

async function setPolicy(client: BrowserClient, appetite: string, blockingRules: string[] = []) {
  const body = new URLSearchParams({ intent: 'appetite', appetite })
  for (const rule of blockingRules) body.append('blockingRules', rule)
  return fetch(new URL(profilePath(), server.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: client.cookieHeader(),
      origin: server.baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: body.toString(),
  })
}

describe('stored with each assessment', () => {
  test('submitting stores the residual risk, the action under the default appetite and verified suggestions', async () => {
    const manila = await current(ctx.manila)
    expect(manila.residualRisk).toBe(JSON.parse(manila.resultJson).residualRisk)
    expect(manila).toMatchObject({ residualRisk: 'critical', action: 'not-allowed' })
    expect(manila.judgement.policy).toEqual({ appetite: 'medium', blockingRules: [] })
    // The vendor refuses a BAA: the smallest change is the BAA; the buyer's own choice is de-identified data.
    expect(manila.judgement.suggestions).toContainEqual(
      expect.objectContaining({
        target: 'verdict',
        by: 'buyer',
        changes: [{ profileFact: 'profile.dataCategories', value: [] }],
      }),
    )
    expect(manila.judgement.ceiling.model).toBe('offshore')
    const caribe = await current(ctx.caribe)
    expect(caribe).toMatchObject({ residualRisk: 'low', action: 'within-appetite', qualifyChanges: 0 })
    expect(caribe.judgement.suggestions).toEqual([])
    const logless = await current(ctx.logless)
    expect(logless).toMatchObject({ residualRisk: 'medium', action: 'within-appetite' })
  })
})

describe('the engagement sets its appetite on its profile page', () => {
  test('the section shows the appetite and the rules of the regimes that apply', async () => {
    const html = await (await ctx.manager.get(profilePath())).text()
    expect(html).toContain('Risk appetite')
    expect(html).toMatch(/value="medium"[^>]*checked|checked[^>]*value="medium"/)
    expect(html).toContain('value="hipaa.audit-controls"')
    expect(html).not.toContain('value="pci-dss.mfa-into-cde"')
  })

  test('a lower appetite judges every submitted vendor again: one moves to "remediate first", audited', async () => {
    const before = await current(ctx.logless)
    const response = await setPolicy(ctx.manager, 'low')
    expect(response.status).toBe(200)
    expect(text(await response.text())).toContain(
      'Saved. 3 submitted vendors were judged again against the new appetite.',
    )
    const engagement = await getDb()
      .selectFrom('engagement')
      .select(['risk_appetite', 'blocking_rules_json'])
      .where('id', '=', ctx.engagementId)
      .executeTakeFirstOrThrow()
    expect(engagement).toEqual({ risk_appetite: 'low', blocking_rules_json: '[]' })
    const after = await current(ctx.logless)
    expect(after.id).not.toBe(before.id)
    expect(after).toMatchObject({ residualRisk: 'medium', action: 'remediate-first' })
    expect(after.judgement.policy.appetite).toBe('low')
    // What would bring it within a low appetite: log access to PHI.
    expect(after.judgement.suggestions[0]).toMatchObject({
      target: 'risk',
      to: 'low',
      changes: [{ questionId: 'handling.accessLogging', value: true }],
      clears: ['hipaa.audit-controls'],
    })
    expect((await current(ctx.caribe)).action).toBe('within-appetite')
    const audit = await getDb()
      .selectFrom('audit_event')
      .select(['action', 'detail_json'])
      .where('engagement_id', '=', ctx.engagementId)
      .where('action', 'in', ['engagement.risk-policy-changed', 'assessment.recomputed'])
      .orderBy('created_at')
      .execute()
    expect(audit.map((a) => [a.action, JSON.parse(a.detail_json)])).toEqual([
      [
        'engagement.risk-policy-changed',
        {
          before: { appetite: 'medium', blockingRules: [] },
          after: { appetite: 'low', blockingRules: [] },
        },
      ],
      ['assessment.recomputed', { responses: 3, reason: 'risk appetite changed' }],
    ])
  })

  test('a finding raised to a blocker makes its vendor remediate first, whatever its risk', async () => {
    expect((await setPolicy(ctx.manager, 'medium', ['hipaa.audit-controls'])).status).toBe(200)
    const logless = await current(ctx.logless)
    expect(logless).toMatchObject({ action: 'remediate-first' })
    expect(logless.judgement.raised).toEqual(['hipaa.audit-controls'])
    expect(logless.judgement.reason).toBe('This engagement treats hipaa.audit-controls as a blocker.')
    expect((await current(ctx.caribe)).action).toBe('within-appetite')
    // Saved again unchanged: nothing is judged again, nothing audited.
    const before = await snapshot()
    const same = await setPolicy(ctx.manager, 'medium', ['hipaa.audit-controls'])
    expect(text(await same.text())).toContain('Nothing changed.')
    expect(await snapshot()).toEqual(before)
  })

  test('bad input is a clear 4xx and changes nothing', async () => {
    const before = await snapshot()
    const outside = await setPolicy(ctx.manager, 'critical')
    expect(outside.status).toBe(400)
    expect(text(await outside.text())).toContain('Choose the highest residual risk you accept: low, medium or high.')
    const unknown = await setPolicy(ctx.manager, 'low', ['hipaa.no-such-rule'])
    expect(unknown.status).toBe(400)
    expect(text(await unknown.text())).toContain('This is not a rule you can raise to a blocker: hipaa.no-such-rule.')
    // A blocker of the law is a blocker already; an id that is no id at all.
    const blocker = await setPolicy(ctx.manager, 'low', ['hipaa.baa-required'])
    expect(blocker.status).toBe(400)
    const malformed = await setPolicy(ctx.manager, 'low', ['<script>'])
    expect(malformed.status).toBe(400)
    expect(text(await malformed.text())).toContain('Not a rule id')
    expect(await snapshot()).toEqual(before)
  })

  test("another organisation's engagement is a 404, and nothing changes", async () => {
    const before = await snapshot()
    const theirs = await ctx.stranger.post(`/app/engagements/${ctx.engagementId}/profile`, {
      intent: 'appetite',
      appetite: 'high',
    })
    expect(theirs.status).toBe(404)
    expect(await snapshot()).toEqual(before)
    const mine = await ctx.manager.post(`/app/engagements/${ctx.strangerEngagementId}/profile`, {
      intent: 'appetite',
      appetite: 'high',
    })
    expect(mine.status).toBe(404)
    const stranger = await getDb()
      .selectFrom('engagement')
      .select('risk_appetite')
      .where('id', '=', ctx.strangerEngagementId)
      .executeTakeFirstOrThrow()
    expect(stranger.risk_appetite).toBe('medium')
  })
})

describe('where a vendor shows', () => {
  test('the dashboard row says what to do, and the panel recommends a model and a vendor', async () => {
    expect((await setPolicy(ctx.manager, 'low')).status).toBe(200)
    const html = text(await (await ctx.manager.get(`/app/engagements/${ctx.engagementId}`)).text())
    expect(html).toContain('Recommendation: which model to pursue, and with whom')
    expect(html).toContain('Offshore is allowed for this profile.')
    expect(html).toContain(
      'Pursue nearshore: Caribe Health (89/100, low risk) is the best vendor within your appetite (low) there.',
    )
    expect(html).toContain(
      'Logless Coding (nearshore, 87/100, medium risk) would also qualify nearshore if it would: log every access to PHI in records staff cannot alter.',
    )
    // The model is what the law allows, not advice.
    expect(html).toContain('Furthest allowed')
    expect(html).toMatch(/Within appetite Low risk/)
    expect(html).toMatch(/Remediate first Medium risk/)
    expect(html).toMatch(/Not allowed Critical risk/)
    // It follows the filters: among rejected vendors, none fits.
    const rejected = text(await (await ctx.manager.get(`/app/engagements/${ctx.engagementId}?verdict=reject`)).text())
    expect(rejected).toContain('No vendor among the 1 considered fits your appetite (low).')
    expect(rejected).not.toContain('Pursue nearshore')
  })

  test("the vendor's report and its PDF carry the line and what would change it", async () => {
    const base = `/app/engagements/${ctx.engagementId}/vendors/${ctx.logless}`
    const html = text(await (await ctx.manager.get(base)).text())
    expect(html).toContain('The law: Approve , furthest allowed offshore.')
    expect(html).toContain(
      "What to do: Remediate first Residual risk medium is above this engagement's appetite (low).",
    )
    expect(html).toContain('What would change this')
    expect(html).toContain('The vendor: Brings it within appetite: residual risk low')
    expect(html).toContain('Log every access to PHI in records staff cannot alter')
    const pdf = await ctx.manager.get(`${base}/report.pdf`)
    expect(pdf.status).toBe(200)
    const file = path.join(tmp, 'report.pdf')
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()))
    const pdfText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(pdfText).toContain('What to do: remediate first')
    expect(pdfText).toContain('What would change this')
    expect(pdfText).toContain('Log every access to PHI in records staff cannot alter')
  })

  test('the comparison and its PDF carry each line, the suggestions and the recommendation', async () => {
    const query = [ctx.caribe, ctx.logless, ctx.manila].map((id) => `v=${id}`).join('&')
    const html = text(await (await ctx.manager.get(`/app/engagements/${ctx.engagementId}/compare?${query}`)).text())
    expect(html).toContain('Pursue nearshore: Caribe Health')
    expect(html).toContain('Residual risk Low Medium Critical')
    expect(html).toContain('What to do Within appetite')
    expect(html).toContain('Share de-identified data instead of PHI (45 CFR 164.514(b))')
    const pdf = await ctx.manager.get(`/app/engagements/${ctx.engagementId}/compare.pdf?${query}`)
    expect(pdf.status).toBe(200)
    const file = path.join(tmp, 'compare.pdf')
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()))
    const pdfText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(pdfText).toContain('Recommendation: which model to pursue, and with whom')
    expect(pdfText).toContain('Pursue nearshore: Caribe Health')
    expect(pdfText).toContain('Remediate first')
    expect(pdfText).toContain('What would change this')
  })
})

describe('the demo engagements', () => {
  test('the panel chooses a model and a vendor for each', async () => {
    const admin = new BrowserClient(server.baseUrl)
    await logIn(admin, { email: 'admin@demo.shoreline.test', password: 'shoreline-demo' })
    const engagements = await getDb().selectFrom('engagement').select(['id', 'name']).execute()
    const panel = async (name: string) => {
      const id = engagements.find((e) => e.name.startsWith(name))!.id
      return text(await (await admin.get(`/app/engagements/${id}`)).text())
    }
    const mercy = await panel('Mercy General')
    expect(mercy).toContain('Offshore is allowed for this profile.')
    expect(mercy).toContain('Pursue offshore: Bengaluru Coding Partners (89/100, low risk)')
    expect(mercy).toContain('Best nearshore Caribe Health Information Services: 89/100, low risk; no conditions')
    const keystone = await panel('Keystone Avionics')
    // ITAR: offshore only with the end-to-end-encryption carve-out; Isla (Puerto Rico) is the one to pursue.
    expect(keystone).toContain('Offshore only with a vendor that earns it; otherwise nearshore at most.')
    expect(keystone).toContain('Pursue nearshore: Isla Engineering Records (94/100, medium risk)')
    expect(keystone).toContain(
      'Pune Drafting Services (offshore, 78/100, critical risk) would qualify offshore if it would:',
    )
    const maison = await panel('Maison Lumière')
    expect(maison).toContain('Pursue offshore: Dublin Support Hub (85/100, low risk)')
    expect(maison).toContain('conditions: GDPR: transfer mechanism (GDPR Art. 46(2)(c)')
  })
})
