import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { newSecretToken } from '#app/utils/tokens.server.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const DAY = 86_400_000

/** An invitation whose link is known, expiring in `days`; the vendor's browser has followed it. */
async function vendorWithSession(days = 3) {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const { token, tokenHash } = newSecretToken()
  const invitationId = newId()
  const expiresAt = new Date(Date.now() + days * DAY).toISOString()
  await insertInvitation(getDb(), {
    id: invitationId,
    organisation_id: org.organisationId,
    engagement_id: engagementId,
    vendor_company: 'Tidewater Coding',
    vendor_country: 'PR',
    contact_name: 'Vera Vendor',
    contact_email: `vera-${invitationId}@tidewater.example`,
    token_hash: tokenHash,
    expires_at: expiresAt,
    created_at: nowIso(),
  })
  const browser = new BrowserClient(server.baseUrl)
  const opened = await browser.get(`/v/${token}`)
  expect(opened.status).toBe(302)
  return { invitationId, browser, opened, expiresAt }
}

const canWork = async (browser: BrowserClient) => (await browser.get('/v')).status === 200

describe('vendor sessions', () => {
  test('live on the server: the cookie never outlives the link, and only a hash of its id is stored', async () => {
    const { invitationId, opened, expiresAt } = await vendorWithSession(3)
    const cookie = opened.headers.get('set-cookie') ?? ''
    const expires = cookie.match(/Expires=([^;]+)/i)?.[1] ?? ''
    expect(Math.abs(Date.parse(expires) - Date.parse(expiresAt))).toBeLessThan(1000)
    expect(cookie).not.toMatch(/Max-Age/i)
    const sessions = await getDb()
      .selectFrom('vendor_session')
      .selectAll()
      .where('invitation_id', '=', invitationId)
      .execute()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(cookie).not.toContain(sessions[0]?.id_hash ?? 'none')
  })

  test('ends after 12 hours without a request, and is kept alive by use', async () => {
    const { invitationId, browser } = await vendorWithSession()
    const idle = (hours: number) =>
      getDb()
        .updateTable('vendor_session')
        .set({ last_seen_at: new Date(Date.now() - hours * 3_600_000).toISOString() })
        .where('invitation_id', '=', invitationId)
        .execute()
    await idle(11.9)
    expect(await canWork(browser)).toBe(true)
    await idle(12.1)
    expect(await canWork(browser)).toBe(false)
    expect(
      await getDb().selectFrom('vendor_session').select('id_hash').where('invitation_id', '=', invitationId).execute(),
    ).toEqual([])
  })

  test('dies with its link: expiry, revocation and a new link generation', async () => {
    const expired = await vendorWithSession()
    await getDb()
      .updateTable('invitation')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.invitationId)
      .execute()
    expect(await canWork(expired.browser)).toBe(false)

    const revoked = await vendorWithSession()
    await getDb().updateTable('invitation').set({ status: 'revoked' }).where('id', '=', revoked.invitationId).execute()
    expect(await canWork(revoked.browser)).toBe(false)

    const replaced = await vendorWithSession()
    expect(await canWork(replaced.browser)).toBe(true)
    await getDb()
      .updateTable('invitation')
      .set((eb) => ({ link_generation: eb('link_generation', '+', 1) }))
      .where('id', '=', replaced.invitationId)
      .execute()
    expect(await canWork(replaced.browser)).toBe(false)
  })
})
