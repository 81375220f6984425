import { afterAll, beforeAll, expect, test } from 'vitest'
import { ENGINE_VERSION, RULES_VERSION } from '#app/assessment/version.ts'
import { getDb } from '#app/db.server.ts'
import { saveAnswer } from '#app/responses/answers.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
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

test('saving a changed profile re-assesses every submitted vendor under it, and audits that', async () => {
  const org = await createOrganisation('Lakeside Hospital')
  const engagementId = await createEngagement(org.organisationId, 'Coding', '2099-01-31')
  const buyer = new BrowserClient(server.baseUrl)
  await logIn(buyer, org)
  await buyer.post(`/app/engagements/${engagementId}?index`, {
    intent: 'invite',
    vendorCompany: 'Bengaluru Coding',
    vendorCountry: 'IN',
    contactName: 'Priya',
    contactEmail: 'priya@blr.example',
  })
  const { id: invitationId } = await getDb()
    .selectFrom('invitation')
    .select('id')
    .where('contact_email', '=', 'priya@blr.example')
    .executeTakeFirstOrThrow()
  const answers: Record<string, unknown> = {
    'company.hqCountry': 'IN',
    'company.incorporationCountry': 'IN',
    'storage.primaryCountries': ['US'],
    'storage.backupCountries': ['US'],
    'access.personnelCountries': ['IN'],
    'contract.baa': true,
    // Since contract v1.1 a rule that needs an answer fails without it: enough for HIPAA to pass.
    'storage.usesSubprocessors': false,
    'destruction.method': 'nist-800-88-purge',
  }
  for (const [questionId, value] of Object.entries(answers))
    await saveAnswer(getDb(), { invitationId, questionId, value, baseVersion: 0 })
  // Submitting stores the first assessment in the same transaction.
  const { responseId } = await submitResponse(getDb(), { invitationId })
  const first = await getDb()
    .selectFrom('assessment')
    .select('result_json')
    .where('response_id', '=', responseId)
    .executeTakeFirstOrThrow()
  expect(JSON.parse(first.result_json)).toMatchObject({ applicableRegimes: ['hipaa', 'sanctions'] })
  expect(JSON.parse(first.result_json).verdict).not.toBe('reject')

  // The buyer learns the data is ITAR technical data: an Indian vendor now needs an export licence.
  const saved = await buyer.post(`/app/engagements/${engagementId}/profile`, {
    name: 'Coding',
    description: '',
    dueDate: '2099-01-31',
    'profile.homeCountry': 'US',
    'profile.industry': 'defense',
    'profile.dataCategories': 'itar-technical-data',
    'profile.flags.cmmcLevel': '0',
  })
  expect(saved.status).toBe(200)
  expect(await saved.text()).toContain('1 submitted vendor was re-assessed under the new profile')

  const assessments = await getDb()
    .selectFrom('assessment')
    .select(['is_current', 'result_json', 'engine_version', 'rules_version'])
    .where('response_id', '=', responseId)
    .orderBy('created_at')
    .execute()
  expect(assessments).toHaveLength(2)
  expect(assessments.map((a) => a.is_current)).toEqual([0, 1])
  const current = JSON.parse(assessments[1]?.result_json ?? '{}')
  expect(current.applicableRegimes).toEqual(['itar', 'sanctions'])
  expect(current.recommendation.model).toBe('nearshore')
  expect(assessments[1]).toMatchObject({ engine_version: ENGINE_VERSION, rules_version: RULES_VERSION })
  const audit = await getDb()
    .selectFrom('audit_event')
    .select('action')
    .where('engagement_id', '=', engagementId)
    .execute()
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['profile.updated', 'assessment.recomputed']))

  // The vendors page shows the current result.
  const page = await (await buyer.get(`/app/engagements/${engagementId}`)).text()
  const row = page.match(/<tr>(?:(?!<\/tr>).)*Bengaluru Coding(?:(?!<\/tr>).)*<\/tr>/s)?.[0] ?? ''
  expect(row).toContain(`<td>${current.score}</td>`)
  expect(row).toContain(`badge verdict-${current.verdict}`)
})
