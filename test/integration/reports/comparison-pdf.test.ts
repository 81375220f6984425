import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Assessment } from '#app/assessment/engine.ts'
import { getDb } from '#app/db.server.ts'
import { countryText } from '#app/reports/answer-text.ts'
import { VERDICT_LABELS } from '#app/vocabulary/verdict.ts'
import { DEMO_ENGAGEMENTS } from '#db/demo/engagements.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

/**
 * The comparison PDF as a committee prints it, with the most vendors the comparison allows (6):
 * real content on page 1, rows never split across pages, a continued table's header repeated and
 * no heading or header row left alone at a page foot. Read back with poppler's pdftotext -raw
 * (text in drawing order, so a row's cells follow each other).
 */

const demo = (company: string) =>
  DEMO_ENGAGEMENTS.flatMap((e) => e.vendors).find((v) => v.company === company)!.answers!

// Submitted vendors of three demo engagements (assessed against this engagement's healthcare
// profile), one that has not submitted, and one whose data reaches China.
const VENDORS = [
  { company: 'Caribe Health Information Services', country: 'PR', answers: demo('Caribe Health Information Services') },
  { company: 'Bengaluru Coding Partners', country: 'IN', answers: demo('Bengaluru Coding Partners') },
  { company: 'Manila MedCode', country: 'PH', answers: demo('Manila MedCode') },
  { company: 'Monterrey Revenue Cycle', country: 'MX', answers: demo('Monterrey Revenue Cycle'), submit: false },
  { company: 'Dublin Support Hub', country: 'IE', answers: demo('Dublin Support Hub') },
  {
    company: '上海数据服务 Shanghai Data',
    country: 'CN',
    answers: { ...demo('Manila MedCode'), 'company.hqCountry': 'CN', 'storage.primaryCountries': ['CN'] },
  },
]

const HEADINGS = [
  'Verdicts',
  'Section scores',
  'Regimes',
  'Blockers and conditions',
  'What would change this',
  'Key facts',
]

let server: TestServer
let tmp: string
const ctx = {} as { engagementId: string; ids: string[]; member: BrowserClient }

beforeAll(async () => {
  server = await startTestServer()
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shoreline-compare-pdf-'))
  const org = await createOrganisation('Mercy General')
  ctx.engagementId = await createEngagement(org.organisationId, 'Outpatient coding')
  ctx.ids = []
  for (const vendor of VENDORS)
    ctx.ids.push((await createVendor(org.organisationId, ctx.engagementId, vendor)).invitationId)
  ctx.member = new BrowserClient(server.baseUrl)
  await logIn(ctx.member, await addMember(org.organisationId, 'member'))
})

afterAll(async () => {
  await server?.close()
  rmSync(tmp, { recursive: true, force: true })
})

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

async function verdictLabel(invitationId: string): Promise<string> {
  const row = await getDb()
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select('assessment.result_json')
    .where('response.invitation_id', '=', invitationId)
    .where('assessment.is_current', '=', 1)
    .executeTakeFirst()
  if (!row) return 'Not assessed (not submitted)'
  return VERDICT_LABELS[(JSON.parse(row.result_json) as Assessment).verdict]
}

/** The PDF's pages as text in drawing order (whitespace squashed), each without its footer. */
async function comparisonPages(): Promise<string[]> {
  const response = await ctx.member.get(
    `/app/engagements/${ctx.engagementId}/compare.pdf?${ctx.ids.map((id) => `v=${id}`).join('&')}`,
  )
  expect(response.status).toBe(200)
  const file = path.join(tmp, 'comparison.pdf')
  writeFileSync(file, Buffer.from(await response.arrayBuffer()))
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file]).toString())?.[1])
  return Array.from({ length: pages }, (_, i) => {
    const text = squash(execFileSync('pdftotext', ['-raw', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-']).toString())
    const footer = ` Page ${i + 1} of ${pages}`
    expect(text.endsWith(footer)).toBe(true)
    return text.slice(0, -footer.length).replace(/ Comparison · Outpatient coding · \d{4}-\d{2}-\d{2}$/, '')
  })
}

describe('the comparison PDF of 6 vendors', () => {
  test('page 1 carries the title, engagement, date, the verdicts summary, the recommendation and the first vendors’ verdicts', async () => {
    const [first] = await comparisonPages()
    const labels = await Promise.all(ctx.ids.map(verdictLabel))
    expect(first).toContain('VENDOR COMPARISON 6 vendors side by side')
    expect(first).toContain('Engagement Outpatient coding')
    expect(first).toMatch(/Date \d{4}-\d{2}-\d{2}/)
    // The summary counts every verdict: Approve, Reject… and the one vendor that has not submitted.
    const summary = /Verdicts: (.+?) Engagement/.exec(first ?? '')?.[1] ?? ''
    for (const label of new Set(labels))
      expect(summary).toContain(`${label}: ${labels.filter((l) => l === label).length}`)
    expect(first).toContain('Recommendation: which model to pursue, and with whom')
    // The comparison starts here: the first vendor's row, its name next to its verdict.
    expect(first).toContain(`1. ${VENDORS[0]!.company} ${countryText(VENDORS[0]!.country)} ${labels[0]}`)
  })

  test('no vendor’s row splits across pages: its name, country and verdict are on one page', async () => {
    const pages = await comparisonPages()
    const labels = await Promise.all(ctx.ids.map(verdictLabel))
    VENDORS.forEach((vendor, i) => {
      const row = `${i + 1}. ${vendor.company} ${countryText(vendor.country)} ${labels[i]}`
      // In the verdicts table, the blockers table and the suggestions table.
      expect(pages.join(' ').split(row).length - 1, row).toBe(3)
      expect(pages.filter((page) => page.includes(row)).length, row).toBeGreaterThanOrEqual(1)
    })
  })

  test('a page that continues a table starts with its header row, and no page ends on a heading or a lone header', async () => {
    const pages = await comparisonPages()
    const names = VENDORS.map((v, i) => `${i + 1}. ${v.company}`).join(' ')
    const headers = [
      'Vendor Verdict Score Location class Furthest allowed Residual risk What to do Decision',
      `Regime ${names}`,
      'Vendor Verdict Blockers Conditions',
      'Vendor Verdict What would change the verdict (the smallest changes first)',
      `Key fact ${names}`,
    ]
    expect(pages.length).toBeGreaterThanOrEqual(3)
    for (const [i, page] of pages.entries()) {
      if (i > 0) {
        // A page opens a section with its heading, or carries on a table under its repeated header.
        // (Section scores are boxes, not a table: a page may carry them on from a section's title.)
        const opensSection = HEADINGS.some((h) => page.startsWith(`${h} `))
        const continuesTable = headers.some((h) => page.startsWith(`${h} `))
        const continuesScores = /^[A-Z][a-z ]+ 1 (—|\d+) 2 /.test(page)
        expect(opensSection || continuesTable || continuesScores, `page ${i + 1}: ${page.slice(0, 120)}`).toBe(true)
      }
      for (const ending of [...HEADINGS, ...headers])
        expect(page.endsWith(ending), `page ${i + 1} ends with "${ending}"`).toBe(false)
    }
    // Every table header is on each page its rows are on: the key facts' labels sit under their header.
    for (const label of ['Storage countries', 'Encryption at rest', 'Certifications']) {
      const page = [...pages].reverse().find((p) => p.includes(`${label} `))
      expect(page, label).toBeDefined()
      expect(page!.indexOf(headers[4]!), label).toBeGreaterThanOrEqual(0)
      expect(page!.indexOf(headers[4]!)).toBeLessThan(page!.indexOf(`${label} `))
    }
  })
})
