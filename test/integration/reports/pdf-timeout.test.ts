import { afterAll, beforeAll, expect, test } from 'vitest'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// A renderer that overruns its time is stopped; the manager gets a plain 503 to retry, never a 500.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ PDF_TIMEOUT_MS: '1' })
})
afterAll(async () => {
  await server?.close()
  delete process.env.PDF_TIMEOUT_MS
})

test('a PDF that takes too long is a 503 with a message, and the server keeps serving', async () => {
  const org = await createOrganisation('Slow Printer Inc')
  const engagementId = await createEngagement(org.organisationId, 'Coding')
  const { invitationId } = await createVendor(org.organisationId, engagementId, {
    company: 'Caribe Data',
    answers: { 'company.hqCountry': 'PR', 'contract.baa': true },
  })
  const client = new BrowserClient(server.baseUrl)
  await logIn(client, org)
  const response = await client.get(`/app/engagements/${engagementId}/vendors/${invitationId}/report.pdf`)
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('30')
  expect(await response.text()).toBe('The PDF could not be produced right now. Try again in a minute.')
  expect((await client.get(`/app/engagements/${engagementId}/vendors/${invitationId}`)).status).toBe(200)
})
