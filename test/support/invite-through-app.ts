import { getDb } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from './accounts.ts'
import { BrowserClient } from './browser-client.ts'
import { linkIn, type startSmtpServer } from './smtp-server.ts'
import type { TestServer } from './test-server.ts'

type Env = { server: TestServer; smtp: Awaited<ReturnType<typeof startSmtpServer>> }

/**
 * The start of every vendor journey, through the real app: an organisation and engagement, the
 * buyer logged in inviting one vendor with the invite form, the invitation email received by the
 * test SMTP server, and the vendor's link from it. With `open` (the default) a cookie-keeping
 * client has followed the link, so it holds the vendor session.
 */
export async function inviteThroughApp(
  env: Env,
  {
    buyerName = 'Lakeside Hospital',
    engagementName = 'Medical coding',
    dueDate = '2099-03-31',
    vendorCompany = 'Bengaluru Coding',
    vendorCountry = 'IN',
    contactName = 'Priya Raman',
    contactEmail,
  }: {
    buyerName?: string
    engagementName?: string
    dueDate?: string | null
    vendorCompany?: string
    vendorCountry?: string
    contactName?: string
    contactEmail: string
  },
) {
  const org = await createOrganisation(buyerName)
  const engagementId = await createEngagement(org.organisationId, engagementName, dueDate)
  const buyer = new BrowserClient(env.server.baseUrl)
  await logIn(buyer, org)
  await buyer.post(`/app/engagements/${engagementId}?index`, {
    intent: 'invite',
    vendorCompany,
    vendorCountry,
    contactName,
    contactEmail,
  })
  const email = await env.smtp.waitForEmail(contactEmail)
  const link = linkIn(email.text, `${env.server.baseUrl}/v/`)
  const vendor = new BrowserClient(env.server.baseUrl)
  await vendor.get(new URL(link).pathname)
  const { id: invitationId } = await getDb()
    .selectFrom('invitation')
    .select('id')
    .where('contact_email', '=', contactEmail)
    .executeTakeFirstOrThrow()
  return { org, engagementId, buyer, vendor, invitationId, email, link }
}

/** What is stored for one invitation: question id → value and version. */
export async function storedAnswers(invitationId: string) {
  const rows = await getDb()
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['answer.question_id', 'answer.value_json', 'answer.version'])
    .where('response.invitation_id', '=', invitationId)
    .execute()
  return new Map(rows.map((r) => [r.question_id, { value: JSON.parse(r.value_json) as unknown, version: r.version }]))
}
