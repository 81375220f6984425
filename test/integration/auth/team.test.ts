import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()

describe('teammates', () => {
  test('an admin invites a manager by email, who sets a password from the link and lands in the organisation', async () => {
    const org = await createOrganisation('Keystone Defense')
    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    const invited = await admin.post('/app/team', { email: 'Mia@Keystone.example', role: 'manager' })
    expect(invited.status).toBe(200)
    expect(await invited.text()).toContain('Invitation sent to mia@keystone.example')

    const email = await env.smtp.waitForEmail('mia@keystone.example')
    expect(email.subject).toBe('You are invited to Keystone Defense on Shoreline')
    const path = new URL(linkIn(email.text, `${env.server.baseUrl}/join/`)).pathname

    const teammate = new BrowserClient(env.server.baseUrl)
    const page = await teammate.get(path)
    expect(await page.text()).toContain('Join Keystone Defense')
    const tooShort = await teammate.post(path, { name: 'Mia', password: 'short' })
    expect(tooShort.status).toBe(400)
    const joined = await teammate.post(path, { name: 'Mia Chen', password: 'manager password 1' })
    expect(joined.status).toBe(302)

    const membership = await getDb()
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .select(['membership.role', 'membership.organisation_id'])
      .where('user.email', '=', 'mia@keystone.example')
      .executeTakeFirstOrThrow()
    expect(membership).toEqual({ role: 'manager', organisation_id: org.organisationId })
    expect(await (await teammate.get('/app/team')).text()).toContain('Mia Chen')

    // The link is spent.
    const reused = await new BrowserClient(env.server.baseUrl).get(path)
    expect(await reused.text()).toContain('This invitation no longer works')
  })

  test('inviting someone who is already a member gets a message at the field', async () => {
    const org = await createOrganisation()
    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    const response = await admin.post('/app/team', { email: org.email, role: 'member' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('is already a member')
  })

  test('an invalid role or email is refused with a 400 and a message', async () => {
    const org = await createOrganisation()
    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    const response = await admin.post('/app/team', { email: 'nope', role: 'owner' })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Enter a valid email address')
    expect(html).toContain('Choose a role')
  })
})
