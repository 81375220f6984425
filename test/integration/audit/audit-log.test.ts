import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordAuditEvent } from '#app/audit/audit.server.ts'
import { getDb } from '#app/db.server.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { saveAnswer } from '#app/responses/answers.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

/** An engagement with one submitted vendor (Norte S.A., in India) and a buyer named Maria Lopez. */
async function world() {
  const org = await createOrganisation('Harbor Savings')
  await getDb().updateTable('user').set({ name: 'Maria Lopez' }).where('id', '=', org.userId).execute()
  const engagementId = await createEngagement(org.organisationId, 'Call centre', '2099-01-31')
  const buyer = new BrowserClient(server.baseUrl)
  await logIn(buyer, org)
  await buyer.post(`/app/engagements/${engagementId}?index`, {
    intent: 'invite',
    vendorCompany: 'Norte S.A.',
    vendorCountry: 'IN',
    contactName: 'Priya',
    contactEmail: 'priya@norte.example',
  })
  const { id: invitationId } = await getDb()
    .selectFrom('invitation')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .executeTakeFirstOrThrow()
  const answers: Record<string, unknown> = {
    'company.hqCountry': 'IN',
    'company.incorporationCountry': 'IN',
    'storage.primaryCountries': ['US'],
    'storage.backupCountries': ['US'],
    'access.personnelCountries': ['IN'],
    'contract.baa': true,
    'storage.usesSubprocessors': false,
    'destruction.method': 'nist-800-88-purge',
  }
  for (const [questionId, value] of Object.entries(answers))
    await saveAnswer(getDb(), { invitationId, questionId, value, baseVersion: 0 })
  await submitResponse(getDb(), { invitationId })
  return { org, engagementId, invitationId, buyer, base: `/app/engagements/${engagementId}` }
}

function rowsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
}

describe('audit log', () => {
  test('entries read as sentences with the vendor named, and a profile change lists its fields from → to', async () => {
    const { buyer, base, invitationId } = await world()
    const decided = await buyer.post(`${base}/vendors/${invitationId}`, {
      intent: 'decide',
      decision: 'rejected',
      comment: 'Too far',
    })
    expect(decided.status).toBe(200)
    // The buyer learns the data is ITAR technical data: the Indian vendor's verdict turns.
    const saved = await buyer.post(`${base}/profile`, {
      name: 'Call centre',
      description: '',
      dueDate: '2099-01-31',
      'profile.homeCountry': 'US',
      'profile.industry': 'defense',
      'profile.dataCategories': 'itar-technical-data',
      'profile.flags.cmmcLevel': '0',
    })
    expect(saved.status).toBe(200)

    const page = await (await buyer.get(`${base}/audit`)).text()
    expect(page).toContain('Maria Lopez decided Norte S.A.: Rejected')
    expect(page).toContain('Comment: Too far')
    expect(page).not.toContain('vendor.decided')
    expect(page).toContain('Maria Lopez invited Norte S.A.')
    expect(page).toContain('Contact email: priya@norte.example')
    expect(page).not.toContain('contactEmail')
    // The profile change, field by field.
    expect(page).toContain('Maria Lopez changed the regulatory profile')
    expect(page).toContain('Industry: Healthcare (hospital, clinic, health plan) → Defence and aerospace')
    // Fields the form only filled with their defaults are not changes.
    expect(page).not.toContain('not set → No')
    expect(page).toMatch(/Data categories: added ITAR technical data; removed Patient health information \(PHI\)/)
    // The verdict the re-assessment changed.
    expect(page).toContain(
      'Maria Lopez re-assessed Norte S.A.: the verdict changed from Approve to Approve with conditions',
    )
  })

  test('when more vendors acted than the filter can list, "Who" offers them all at once, and a vendor page still filters its own', async () => {
    const { org, buyer, base, engagementId, invitationId } = await world()
    const db = getDb()
    for (let i = 0; i < 101; i++) {
      const id = newId()
      await insertInvitation(db, {
        id,
        organisation_id: org.organisationId,
        engagement_id: engagementId,
        vendor_company: `Many Vendor ${i}`,
        vendor_country: 'IN',
        contact_name: 'Contact',
        contact_email: `many-${i}@vendor.example`,
        token_hash: newId(),
        status: 'opened',
        expires_at: '2099-01-01T00:00:00.000Z',
        submitted_at: null,
        created_at: nowIso(),
      })
      await recordAuditEvent(db, {
        organisationId: org.organisationId,
        engagementId,
        actor: { type: 'vendor', invitationId: id },
        action: 'invitation.opened',
        subjectType: 'invitation',
        subjectId: id,
      })
    }
    const page = await (await buyer.get(`${base}/audit`)).text()
    const options = [...page.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])
    expect(options).toContain('vendors')
    expect(options.filter((value) => value?.startsWith('vendor:'))).toEqual([])
    expect(options).toContain(`user:${org.userId}`)
    expect(page).toContain('Too many vendors acted to list each')

    const vendorsOnly = await (await buyer.get(`${base}/audit?actor=vendors`)).text()
    expect(vendorsOnly).toContain('Many Vendor 100 (vendor)')
    expect(vendorsOnly).not.toContain('invited Norte S.A.')

    // The vendor page's link: the chosen vendor is in the list (selected), and only its events show.
    const report = await (await buyer.get(`${base}/vendors/${invitationId}`)).text()
    expect(report).toContain(`href="${base}/audit?actor=vendor:${invitationId}"`)
    const norte = await (await buyer.get(`${base}/audit?actor=vendor:${invitationId}`)).text()
    expect(norte).toMatch(
      new RegExp(`<option value="vendor:${invitationId}" selected="">Norte S.A. \\(vendor\\)</option>`),
    )
    expect(norte).toContain('Norte S.A. (vendor)')
    expect(norte).not.toContain('Many Vendor')
  })

  test('downloads are logged; the log filters by kind, actor and dates, and exports the filtered rows as CSV', async () => {
    const { org, buyer, base, invitationId, engagementId } = await world()
    expect((await buyer.get(`${base}/vendors/${invitationId}/answers.csv`)).status).toBe(200)
    expect((await buyer.get(`${base}/dashboard.csv`)).status).toBe(200)
    expect((await buyer.get(`${base}/vendors/${invitationId}/report.pdf`)).status).toBe(200)
    // Two old events of Shoreline's own.
    await recordAuditEvent(getDb(), {
      organisationId: org.organisationId,
      engagementId,
      actor: { type: 'system' },
      action: 'response.reopened',
      subjectType: 'invitation',
      subjectId: invitationId,
      detail: { message: '=HYPERLINK("http://evil.example")' },
      at: '2026-01-15T10:00:00.000Z',
    })
    // A vendor can name itself anything, a formula too: the CSV must not run it (CSV injection).
    await recordAuditEvent(getDb(), {
      organisationId: org.organisationId,
      engagementId,
      actor: { type: 'system' },
      action: 'assessment.verdict-changed',
      subjectType: 'assessment',
      subjectId: 'a-1',
      detail: { vendorCompany: '=2+5', summary: '@SUM(A1)' },
      at: '2026-01-16T10:00:00.000Z',
    })

    const downloads = await (await buyer.get(`${base}/audit?type=exports`)).text()
    expect(downloads).toContain('Maria Lopez downloaded the answers CSV of Norte S.A.')
    expect(downloads).toContain('Maria Lopez downloaded the vendors CSV')
    expect(downloads).toContain('Maria Lopez downloaded the report PDF of Norte S.A.')
    expect(downloads).not.toContain('invited Norte S.A.')

    const system = await (await buyer.get(`${base}/audit?actor=system`)).text()
    expect(system).toContain('Shoreline reopened the questionnaire of Norte S.A.')
    expect(system).not.toContain('Maria Lopez downloaded')

    const january = await (await buyer.get(`${base}/audit?from=2026-01-15&to=2026-01-15`)).text()
    expect(january).toContain('reopened the questionnaire')
    expect(january).not.toContain('changed the verdict')
    expect(january).not.toContain('downloaded')
    const before = await (await buyer.get(`${base}/audit?to=2026-01-14`)).text()
    expect(before).toContain('Nothing matches these filters')

    const bad = await buyer.get(`${base}/audit?from=2026-13-01`)
    expect(bad.status).toBe(200)
    expect(await bad.text()).toContain('Enter the first day as YYYY-MM-DD')
    expect((await buyer.get(`${base}/audit.csv?from=yesterday`)).status).toBe(400)

    const csv = await buyer.get(`${base}/audit.csv?actor=system`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-disposition')).toContain('audit-log')
    const rows = rowsOf(await csv.text())
    expect(rows[0]).toEqual(['When (UTC)', 'Who', 'What', 'Vendor', 'Details'])
    expect(rows.slice(1)).toEqual([
      [
        '2026-01-16 10:00:00',
        'Shoreline (automatic)',
        'changed the verdict of =2+5 under a new rules release',
        "'=2+5",
        "'@SUM(A1)",
      ],
      [
        '2026-01-15 10:00:00',
        'Shoreline (automatic)',
        'reopened the questionnaire of Norte S.A.',
        'Norte S.A.',
        'Message: =HYPERLINK("http://evil.example")',
      ],
    ])
    // The CSV download is itself in the log.
    const after = await (await buyer.get(`${base}/audit?type=exports`)).text()
    expect(after).toContain('Maria Lopez downloaded the audit log CSV')
  })
})
