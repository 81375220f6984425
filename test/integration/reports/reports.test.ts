import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Assessment } from '#app/assessment/engine.ts'
import { getDb } from '#app/db.server.ts'
import { DEMO_ENGAGEMENTS } from '#db/demo/engagements.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { pdfBytes } from '#test/support/evidence-files.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

const demo = (company: string) => DEMO_ENGAGEMENTS[0]!.vendors.find((v) => v.company === company)!.answers!

let server: TestServer
let tmp: string
const ctx = {} as {
  org: Awaited<ReturnType<typeof createOrganisation>>
  engagementId: string
  caribe: string
  manila: string
  shanghai: string
  draft: string
  evidenceId: string
  manager: BrowserClient
  member: BrowserClient
  stranger: BrowserClient
}

beforeAll(async () => {
  server = await startTestServer()
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shoreline-reports-'))
  ctx.org = await createOrganisation('Mercy General')
  ctx.engagementId = await createEngagement(ctx.org.organisationId, 'Outpatient coding')
  const scope = [ctx.org.organisationId, ctx.engagementId] as const
  ctx.caribe = (
    await createVendor(...scope, {
      company: 'Caribe Health Information Services',
      country: 'PR',
      answers: demo('Caribe Health Information Services'),
    })
  ).invitationId
  const manila = await createVendor(...scope, {
    company: 'Manila MedCode',
    country: 'PH',
    answers: { ...demo('Manila MedCode'), 'company.legalName': '=HYPERLINK("http://evil.example","Click")' },
    evidence: [{ questionId: 'destruction.certificateSample', fileName: 'sanitisation-sample.pdf', bytes: pdfBytes() }],
  })
  ctx.manila = manila.invitationId
  ctx.evidenceId = manila.evidenceIds[0]!
  ctx.shanghai = (
    await createVendor(...scope, {
      company: '上海数据服务 Shanghai Data',
      country: 'CN',
      answers: { ...demo('Manila MedCode'), 'company.hqCountry': 'CN', 'storage.primaryCountries': ['CN'] },
    })
  ).invitationId
  ctx.draft = (
    await createVendor(...scope, {
      company: 'San José Health BPO',
      country: 'CR',
      answers: { 'company.hqCountry': 'CR' },
      submit: false,
    })
  ).invitationId

  ctx.manager = new BrowserClient(server.baseUrl)
  await logIn(ctx.manager, await addMember(ctx.org.organisationId, 'manager'))
  ctx.member = new BrowserClient(server.baseUrl)
  await logIn(ctx.member, await addMember(ctx.org.organisationId, 'member'))
  const other = await createOrganisation('Another Hospital')
  ctx.stranger = new BrowserClient(server.baseUrl)
  await logIn(ctx.stranger, other)
})

afterAll(async () => {
  await server?.close()
  rmSync(tmp, { recursive: true, force: true })
})

const base = () => `/app/engagements/${ctx.engagementId}`
const vendorUrl = (id: string) => `${base()}/vendors/${id}`
const squash = (text: string) => text.replace(/\s+/g, ' ')

async function currentAssessment(invitationId: string): Promise<Assessment> {
  const row = await getDb()
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select('assessment.result_json')
    .where('response.invitation_id', '=', invitationId)
    .where('assessment.is_current', '=', 1)
    .executeTakeFirstOrThrow()
  return JSON.parse(row.result_json) as Assessment
}

/** Downloads a PDF and reads it back with poppler: its text (whitespace squashed) per page, and pdfinfo. */
async function fetchPdf(client: BrowserClient, url: string) {
  const response = await client.get(url)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/pdf')
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/)
  expect(response.headers.get('x-content-type-options')).toMatch(/nosniff/)
  expect(response.headers.get('cache-control')).toBe('no-store')
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, Buffer.from(await response.arrayBuffer()))
  const info = execFileSync('pdfinfo', [file]).toString()
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  const text = squash(execFileSync('pdftotext', [file, '-']).toString())
  const firstPage = squash(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-']).toString())
  return { pages, text, firstPage }
}

describe('the vendor report page', () => {
  test('a submitted vendor: headline, findings by regime with citations and triggering answers, answers with evidence links', async () => {
    const response = await ctx.member.get(vendorUrl(ctx.manila))
    expect(response.status).toBe(200)
    const html = await response.text()
    const assessment = await currentAssessment(ctx.manila)
    expect(assessment.verdict).toBe('reject')
    expect(html).toContain('Manila MedCode')
    expect(html).toContain('Verdict: Reject')
    expect(html).toContain(`Score ${assessment.score}/100`)
    expect(html).toContain('HIPAA — Non-compliant')
    for (const finding of assessment.findings) expect(html).toContain(finding.citation)
    // The answer that triggered the BAA blocker, in words.
    expect(html).toContain('Will the vendor sign a HIPAA business associate agreement (BAA) with us?</dt><dd>No</dd>')
    expect(html).toContain('Delete files or records (no sanitisation)')
    expect(html).toContain(`href="/app/evidence/${ctx.evidenceId}"`)
    expect(html).toContain('sanitisation-sample.pdf')
    expect(html).toContain(`engine ${assessment.engine.version} with rules ${assessment.engine.rules}`)
    expect(html).toContain(`href="${vendorUrl(ctx.manila)}/report.pdf"`)
    expect(html).toContain(`href="${vendorUrl(ctx.manila)}/answers.csv"`)
    expect(html).toContain('Certification register')
    // A member may read the report but not decide.
    expect(html).not.toContain('Record a decision')
    // The evidence link works for the buyer.
    expect((await ctx.member.get(`/app/evidence/${ctx.evidenceId}`)).status).toBe(200)
  })

  test('a vendor that has not submitted: the report says so, with the answers so far', async () => {
    const response = await ctx.member.get(vendorUrl(ctx.draft))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('has not submitted its answers yet')
    expect(html).toContain('Costa Rica (CR)')
    expect(html).not.toContain('Findings by regime')
  })
})

describe('decisions', () => {
  test('a manager rejects with a comment: recorded, shown on the report, audited; a new decision supersedes it', async () => {
    const noComment = await ctx.manager.post(vendorUrl(ctx.manila), {
      intent: 'decide',
      decision: 'rejected',
      comment: '',
    })
    expect(noComment.status).toBe(400)
    expect(await noComment.text()).toContain('Say why the vendor is rejected')

    const tooLong = await ctx.manager.post(vendorUrl(ctx.manila), {
      intent: 'decide',
      decision: 'approved',
      comment: 'x'.repeat(2001),
    })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.text()).toContain('Keep the comment to 2000 characters')
    const bogus = await ctx.manager.post(vendorUrl(ctx.manila), { intent: 'decide', decision: 'maybe', comment: '' })
    expect(bogus.status).toBe(400)

    const shortlisted = await ctx.manager.post(vendorUrl(ctx.manila), {
      intent: 'decide',
      decision: 'shortlisted',
      comment: '',
    })
    expect(shortlisted.status).toBe(200)
    const rejected = await ctx.manager.post(vendorUrl(ctx.manila), {
      intent: 'decide',
      decision: 'rejected',
      comment: 'No BAA offered.',
    })
    expect(rejected.status).toBe(200)
    expect(await rejected.text()).toContain('Recorded: Rejected.')

    const rows = await getDb()
      .selectFrom('vendor_decision')
      .select(['decision', 'comment', 'is_current'])
      .where('invitation_id', '=', ctx.manila)
      .orderBy('created_at')
      .execute()
    expect(rows).toEqual([
      { decision: 'shortlisted', comment: '', is_current: 0 },
      { decision: 'rejected', comment: 'No BAA offered.', is_current: 1 },
    ])
    const audit = await getDb()
      .selectFrom('audit_event')
      .select(['action', 'detail_json', 'subject_id', 'engagement_id'])
      .where('action', '=', 'vendor.decided')
      .orderBy('created_at')
      .execute()
    expect(audit.map((a) => JSON.parse(a.detail_json))).toEqual([
      { decision: 'shortlisted', comment: '' },
      { decision: 'rejected', comment: 'No BAA offered.' },
    ])
    expect(audit[1]).toMatchObject({ subject_id: ctx.manila, engagement_id: ctx.engagementId })

    const page = await (await ctx.member.get(vendorUrl(ctx.manila))).text()
    expect(page).toContain('badge decision-rejected">Rejected</span>')
    expect(page).toContain('No BAA offered.')
    expect(page).toContain('Decision history (2)')
    const { text } = await fetchPdf(ctx.member, `${vendorUrl(ctx.manila)}/report.pdf`)
    expect(text).toContain('Decision: Rejected')
    expect(text).toContain('No BAA offered.')
  })

  test('a member cannot record a decision', async () => {
    const response = await ctx.member.post(vendorUrl(ctx.caribe), {
      intent: 'decide',
      decision: 'approved',
      comment: '',
    })
    expect(response.status).toBe(403)
    const rows = await getDb()
      .selectFrom('vendor_decision')
      .select('id')
      .where('invitation_id', '=', ctx.caribe)
      .execute()
    expect(rows).toEqual([])
  })
})

describe('PDFs', () => {
  test('the vendor report PDF: a cover first, then the vendor, verdict and every finding’s citation', async () => {
    const assessment = await currentAssessment(ctx.shanghai)
    const { pages, text, firstPage } = await fetchPdf(ctx.member, `${vendorUrl(ctx.shanghai)}/report.pdf`)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(firstPage).toContain('VENDOR REPORT')
    expect(firstPage).toContain('上海数据服务 Shanghai Data')
    expect(firstPage).toContain('Outpatient coding')
    expect(firstPage).toContain(`engine ${assessment.engine.version}, rules ${assessment.engine.rules}`)
    expect(firstPage).not.toContain('Findings by regime')
    expect(text).toContain('Verdict: Reject')
    expect(assessment.findings.length).toBeGreaterThan(2)
    for (const finding of assessment.findings) expect(text).toContain(squash(finding.citation))
    expect(text).toContain(`Page 1 of ${pages}`)
  })

  test('the report page and its PDF ask the questions about the vendor, never to it (no "you" or "your")', async () => {
    const secondPerson = /\b(you|your)\b/i
    for (const id of [ctx.caribe, ctx.manila]) {
      const html = await (await ctx.member.get(vendorUrl(id))).text()
      const answers = /<section aria-labelledby="answers-heading">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? ''
      const prompts = [...answers.matchAll(/<th scope="row">([^<]*)</g)].map((m) => m[1]!)
      expect(prompts.length).toBeGreaterThan(30)
      expect(prompts.filter((p) => secondPerson.test(p))).toEqual([])
      expect(prompts).toContain(
        'Does the vendor check its company, its owners and its subprocessors against US and EU sanctions lists at least once a year?',
      )
      const { text } = await fetchPdf(ctx.member, `${vendorUrl(id)}/report.pdf`)
      const pdfAnswers = text.slice(text.lastIndexOf(' answers stored. '))
      // Asked about the vendor ("Does the vendor check its company…"), in every section.
      expect((pdfAnswers.match(/\bthe vendor('s)?\b/gi) ?? []).length).toBeGreaterThan(20)
      expect(pdfAnswers.match(new RegExp(secondPerson, 'gi')) ?? []).toEqual([])
    }
  })

  test('a vendor that has not submitted still gets a PDF, which says so', async () => {
    const { pages, text, firstPage } = await fetchPdf(ctx.member, `${vendorUrl(ctx.draft)}/report.pdf`)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(firstPage).toContain('Not assessed: the vendor has not submitted.')
    expect(text).toContain('has not submitted its answers yet')
    expect(text).toContain('Costa Rica (CR)')
  })

  test('the comparison PDF of three vendors: cover, names, verdicts and every blocker’s citation', async () => {
    const ids = [ctx.caribe, ctx.manila, ctx.shanghai]
    const { pages, text, firstPage } = await fetchPdf(
      ctx.member,
      `${base()}/compare.pdf?${ids.map((id) => `v=${id}`).join('&')}`,
    )
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(firstPage).toContain('VENDOR COMPARISON')
    expect(firstPage).toContain('3 vendors side by side')
    for (const name of ['Caribe Health Information Services', 'Manila MedCode', '上海数据服务 Shanghai Data'])
      expect(text).toContain(name)
    expect(text).toContain('Approve')
    expect(text).toContain('Reject')
    for (const id of ids) {
      for (const blocker of (await currentAssessment(id)).findings.filter((f) => f.severity === 'blocker'))
        expect(text).toContain(squash(blocker.citation))
    }
    expect(text).toContain('We (the customer) hold the keys')
  })
})

describe('rendering off the request thread', () => {
  test('while four PDFs render at once, /healthz is answered before any of them is done', async () => {
    // The server runs in this process. Rendered on its thread, the PDFs would hold the event loop
    // and /healthz (asked for after them) would wait; in the worker pool it is answered at once.
    // The order of the answers is the proof, not a clock: latency figures belong to bench:web.
    await fetchPdf(ctx.member, `${vendorUrl(ctx.caribe)}/report.pdf`) // workers started and fonts loaded
    let rendersDone = 0
    const renders = [ctx.caribe, ctx.manila, ctx.shanghai, ctx.draft].map((id) =>
      ctx.member.get(`${vendorUrl(id)}/report.pdf`).then((response) => {
        rendersDone++
        return response
      }),
    )
    const health = await ctx.member.get('/healthz')
    const rendersDoneWhenHealthAnswered = rendersDone
    const responses = await Promise.all(renders)
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(health.status).toBe(200)
    expect(rendersDoneWhenHealthAnswered).toBe(0)
  })
})

describe('the comparison page', () => {
  test('vendors side by side in the order of the URL, with key facts', async () => {
    const response = await ctx.member.get(`${base()}/compare?v=${ctx.manila}&v=${ctx.caribe}&v=${ctx.draft}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html.indexOf('1. Manila MedCode')).toBeGreaterThan(-1)
    expect(html.indexOf('2. Caribe Health Information Services')).toBeGreaterThan(html.indexOf('1. Manila MedCode'))
    expect(html).toContain('3. San José Health BPO')
    expect(html).toContain('Not assessed (not submitted)')
    expect(html).toContain('We (the customer) hold the keys')
    expect(html).toContain('Purge (NIST SP 800-88); certificate of sanitisation provided')
    expect(html).toContain(`compare.pdf?v=${ctx.manila}&amp;v=${ctx.caribe}&amp;v=${ctx.draft}`)
    // Back to the dashboard with the same vendors ticked, to add or drop one.
    expect(html).toContain(
      `href="${base()}?v=${ctx.manila}&amp;v=${ctx.caribe}&amp;v=${ctx.draft}">Back to the vendors`,
    )
  })

  test('fewer than 2 or more than 6 vendors: a 400 page that says what is wrong; an id that exists nowhere: a 404', async () => {
    const one = await ctx.member.get(`${base()}/compare?v=${ctx.caribe}`)
    expect(one.status).toBe(400)
    const oneHtml = await one.text()
    expect(oneHtml).toContain('Choose at least 2 vendors to compare (only 1 was chosen).')
    expect(oneHtml).toContain(`href="${base()}?v=${ctx.caribe}">Back to the vendors`)
    const seven = Array.from({ length: 7 }, (_, i) => `v=00000000-0000-4000-8000-00000000000${i}`).join('&')
    const tooMany = await ctx.member.get(`${base()}/compare?${seven}`)
    expect(tooMany.status).toBe(400)
    expect(await tooMany.text()).toContain('Choose at most 6 vendors to compare (7 were chosen).')
    const unknown = await ctx.member.get(`${base()}/compare?v=${ctx.caribe}&v=00000000-0000-4000-8000-000000000000`)
    // The same 404 as another organisation's vendor (test/integration/security/compare-ids.test.ts).
    expect(unknown.status).toBe(404)
    const pdf = await ctx.member.get(`${base()}/compare.pdf?v=${ctx.caribe}`)
    expect(pdf.status).toBe(400)
    expect(await pdf.text()).toBe('Choose at least 2 vendors to compare (only 1 was chosen).')
  })
})

describe('the answers CSV', () => {
  test('every answer in words, with a formula-looking answer escaped', async () => {
    const response = await ctx.member.get(`${vendorUrl(ctx.manila)}/answers.csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="manila-medcode-answers.csv"')
    const csv = await response.text()
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Question id,Section,Question,Answer,Evidence files,Version,Updated at')
    const legalName = lines.find((l) => l.startsWith('company.legalName,'))
    expect(legalName).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`)
    expect(legalName).not.toMatch(/,"?=HYPERLINK/)
    expect(lines.find((l) => l.startsWith('contract.baa,'))).toContain(',No,')
    expect(lines.find((l) => l.startsWith('destruction.certificateSample,'))).toContain('sanitisation-sample.pdf')
  })
})

describe('another organisation', () => {
  test('gets a 404 for every report, PDF, CSV and comparison URL of this organisation, and cannot decide', async () => {
    const ids = `v=${ctx.caribe}&v=${ctx.manila}`
    for (const url of [
      vendorUrl(ctx.manila),
      `${vendorUrl(ctx.manila)}/report.pdf`,
      `${vendorUrl(ctx.manila)}/answers.csv`,
      `${base()}/compare?${ids}`,
      `${base()}/compare.pdf?${ids}`,
    ]) {
      const response = await ctx.stranger.get(url)
      expect({ url, status: response.status }).toEqual({ url, status: 404 })
    }
    const decide = await ctx.stranger.post(vendorUrl(ctx.manila), {
      intent: 'decide',
      decision: 'approved',
      comment: '',
    })
    expect(decide.status).toBe(404)
  })

  test('cannot reach this organisation’s vendors through its own engagement either', async () => {
    const stranger = await getDb()
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Another Hospital')
      .executeTakeFirstOrThrow()
    const ownEngagement = await createEngagement(stranger.id, 'Their own project')
    const own = `/app/engagements/${ownEngagement}`
    for (const url of [
      `${own}/vendors/${ctx.manila}`,
      `${own}/vendors/${ctx.manila}/report.pdf`,
      `${own}/vendors/${ctx.manila}/answers.csv`,
      `${own}/compare?v=${ctx.caribe}&v=${ctx.manila}`,
      `${own}/compare.pdf?v=${ctx.caribe}&v=${ctx.manila}`,
    ]) {
      const response = await ctx.stranger.get(url)
      expect({ url, status: response.status }).toEqual({ url, status: 404 })
    }
  })
})
