import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { addMember, createOrganisation, logIn } from '#test/support/accounts.ts'
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
    expect(reused.status).toBe(410)
    const reusedHtml = await reused.text()
    expect(reusedHtml).toContain('This invitation no longer works')
    expect(reusedHtml).not.toContain('Choose a password')
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

async function sessionCount(userId: string) {
  const rows = await getDb().selectFrom('user_session').select('id_hash').where('user_id', '=', userId).execute()
  return rows.length
}

async function auditActions(organisationId: string, action: string) {
  return getDb()
    .selectFrom('audit_event')
    .select(['subject_id', 'detail_json'])
    .where('organisation_id', '=', organisationId)
    .where('action', '=', action)
    .execute()
}

describe('managing the team', () => {
  test('an admin withdraws a pending invitation: its link stops working, and it is audited', async () => {
    const org = await createOrganisation('Withdraw Co')
    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    await admin.post('/app/team', { email: 'late@withdraw.example', role: 'member' })
    const path = new URL(
      linkIn((await env.smtp.waitForEmail('late@withdraw.example')).text, `${env.server.baseUrl}/join/`),
    ).pathname
    const invitation = await getDb()
      .selectFrom('teammate_invitation')
      .select('id')
      .where('email', '=', 'late@withdraw.example')
      .executeTakeFirstOrThrow()
    expect(await (await admin.get('/app/team')).text()).toContain('Withdraw the invitation for late@withdraw.example')

    const withdrawn = await admin.post('/app/team', { intent: 'revoke-invitation', invitationId: invitation.id })
    expect(withdrawn.status).toBe(200)
    expect(await withdrawn.text()).toContain('The invitation for late@withdraw.example is withdrawn')
    expect(await (await new BrowserClient(env.server.baseUrl).get(path)).text()).toContain(
      'This invitation no longer works',
    )
    const joined = await new BrowserClient(env.server.baseUrl).post(path, {
      name: 'Late',
      password: 'tidal quartz lantern 41',
    })
    expect(joined.status).toBe(410)
    expect(await auditActions(org.organisationId, 'teammate.invitation-revoked')).toHaveLength(1)

    const twice = await admin.post('/app/team', { intent: 'revoke-invitation', invitationId: invitation.id })
    expect(twice.status).toBe(404)
  })

  test("an admin cannot withdraw another organisation's invitation", async () => {
    const a = await createOrganisation('Org A')
    const b = await createOrganisation('Org B')
    const adminB = new BrowserClient(env.server.baseUrl)
    await logIn(adminB, b)
    await adminB.post('/app/team', { email: 'b-invitee@b.example', role: 'member' })
    const invitation = await getDb()
      .selectFrom('teammate_invitation')
      .select('id')
      .where('email', '=', 'b-invitee@b.example')
      .executeTakeFirstOrThrow()
    const adminA = new BrowserClient(env.server.baseUrl)
    await logIn(adminA, a)
    const response = await adminA.post('/app/team', { intent: 'revoke-invitation', invitationId: invitation.id })
    expect(response.status).toBe(404)
    const row = await getDb()
      .selectFrom('teammate_invitation')
      .select('revoked_at')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow()
    expect(row.revoked_at).toBeNull()
  })

  test('an admin removes a member: the membership goes, their sessions end at once, and it is audited', async () => {
    const org = await createOrganisation('Removal Ltd')
    const member = await addMember(org.organisationId, 'manager')
    const memberBrowser = new BrowserClient(env.server.baseUrl)
    await logIn(memberBrowser, member)
    expect((await memberBrowser.get('/app/engagements')).status).toBe(200)

    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    const removed = await admin.post('/app/team', { intent: 'remove-member', userId: member.userId })
    expect(removed.status).toBe(200)
    expect(await removed.text()).toContain(`${member.email} is removed from Removal Ltd.`)

    expect((await memberBrowser.get('/app/engagements')).status).toBe(302)
    expect(await sessionCount(member.userId)).toBe(0)
    const membership = await getDb()
      .selectFrom('membership')
      .select('id')
      .where('user_id', '=', member.userId)
      .executeTakeFirst()
    expect(membership).toBeUndefined()
    const [event] = await auditActions(org.organisationId, 'teammate.removed')
    expect(event?.subject_id).toBe(member.userId)
    expect(JSON.parse(event?.detail_json ?? '{}')).toMatchObject({
      email: member.email,
      role: 'manager',
      endedSessions: 1,
    })
  })

  test('an admin logs a member out of every device without removing them; audited', async () => {
    const org = await createOrganisation('Lost Laptop LLC')
    const member = await addMember(org.organisationId, 'member')
    const laptop = new BrowserClient(env.server.baseUrl)
    const phone = new BrowserClient(env.server.baseUrl)
    await logIn(laptop, member)
    await logIn(phone, member)
    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    expect(await (await admin.get('/app/team')).text()).toContain(`Log out member person (${member.email})`)

    const ended = await admin.post('/app/team', { intent: 'end-sessions', userId: member.userId })
    expect(ended.status).toBe(200)
    expect(await ended.text()).toContain(`${member.email} is logged out everywhere (2 sessions ended).`)
    expect((await laptop.get('/app/engagements')).status).toBe(302)
    expect((await phone.get('/app/engagements')).status).toBe(302)
    expect((await admin.get('/app/engagements')).status).toBe(200)
    await logIn(new BrowserClient(env.server.baseUrl), member)
    const [event] = await auditActions(org.organisationId, 'teammate.sessions-ended')
    expect(event?.subject_id).toBe(member.userId)

    const stranger = await createOrganisation('Elsewhere')
    const foreign = await admin.post('/app/team', { intent: 'end-sessions', userId: stranger.userId })
    expect(foreign.status).toBe(404)
  })

  test('the last admin cannot be removed, not even by themself; with a second admin they can', async () => {
    const org = await createOrganisation('Last Admin Inc')
    const admin = new BrowserClient(env.server.baseUrl)
    await logIn(admin, org)
    const refused = await admin.post('/app/team', { intent: 'remove-member', userId: org.userId })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Last Admin Inc needs at least one admin')
    expect(await sessionCount(org.userId)).toBe(1)

    const second = await addMember(org.organisationId, 'admin')
    const allowed = await admin.post('/app/team', { intent: 'remove-member', userId: org.userId })
    expect(allowed.status).toBe(302)
    expect(allowed.headers.get('location')).toBe('/login?notice=left-organisation')
    expect((await admin.get('/app/engagements')).status).toBe(302)
    const admins = await getDb()
      .selectFrom('membership')
      .select('user_id')
      .where('organisation_id', '=', org.organisationId)
      .where('role', '=', 'admin')
      .execute()
    expect(admins).toEqual([{ user_id: second.userId }])
  })

  test('members and managers cannot remove anyone or withdraw invitations (403), and see no such buttons', async () => {
    const org = await createOrganisation()
    const manager = await addMember(org.organisationId, 'manager')
    const client = new BrowserClient(env.server.baseUrl)
    await logIn(client, manager)
    expect((await client.post('/app/team', { intent: 'remove-member', userId: org.userId })).status).toBe(403)
    expect((await client.post('/app/team', { intent: 'revoke-invitation', invitationId: 'x' })).status).toBe(403)
    expect((await client.post('/app/team', { intent: 'end-sessions', userId: org.userId })).status).toBe(403)
    const page = await (await client.get('/app/team')).text()
    expect(page).not.toContain('>Remove<')
    expect(await sessionCount(org.userId)).toBe(0)
    const still = await getDb().selectFrom('membership').select('id').where('user_id', '=', org.userId).execute()
    expect(still).toHaveLength(1)
  })
})
