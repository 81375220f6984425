import { expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()

test('a failed invitation email is shown on the vendor list and in the outbox, and can be retried', async () => {
  const org = await createOrganisation('Harbor Bank')
  const engagementId = await createEngagement(org.organisationId, 'Card disputes', '2099-02-28')
  const buyer = new BrowserClient(env.server.baseUrl)
  await logIn(buyer, org)
  const page = `/app/engagements/${engagementId}?index`

  env.smtp.refuse.add('ops@flaky.example')
  const invited = await buyer.post(page, {
    intent: 'invite',
    vendorCompany: 'Flaky Mail Corp',
    vendorCountry: 'CO',
    contactName: 'Ana',
    contactEmail: 'ops@flaky.example',
  })
  // The invitation stands even though the email failed, and the buyer is told.
  expect(invited.status).toBe(200)
  const html = await invited.text()
  expect(html).toContain('the email could not be sent')
  expect(html).toContain('Last email failed to send.')
  expect(html).toContain('Retry email')
  const outbox = await (await buyer.get('/app/outbox')).text()
  expect(outbox).toContain('Failed')
  expect(outbox).toContain('550 mailbox unavailable')

  env.smtp.refuse.clear()
  const { id } = await getDb()
    .selectFrom('invitation')
    .select('id')
    .where('contact_email', '=', 'ops@flaky.example')
    .executeTakeFirstOrThrow()
  // "Retry email" on the dashboard leads to the vendor's page, where the invitation is managed.
  expect(html).toContain(`href="/app/engagements/${engagementId}/vendors/${id}#invitation"`)
  const vendorPage = `/app/engagements/${engagementId}/vendors/${id}`
  expect(await (await buyer.get(vendorPage)).text()).toContain('Retry email')
  const retried = await buyer.post(vendorPage, { intent: 'resend' })
  expect(await retried.text()).toContain('A new link was sent')
  const email = await env.smtp.waitForEmail('ops@flaky.example')
  expect(
    (await new BrowserClient(env.server.baseUrl).get(new URL(linkIn(email.text, `${env.server.baseUrl}/v/`)).pathname))
      .status,
  ).toBe(302)
  const row = await getDb()
    .selectFrom('invitation')
    .select('last_email_status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  expect(row.last_email_status).toBe('sent')
})
