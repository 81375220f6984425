import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'
import { createVendor } from '#test/support/vendors.ts'

const env = setUpServerWithSmtp()

// The auditor role (README decision 80): reads everything of its organisation, changes nothing.
describe('auditor', () => {
  test('a manager invites an auditor (and only an auditor), who joins with that role', async () => {
    const org = await createOrganisation('Harbor Savings')
    const manager = new BrowserClient(env.server.baseUrl)
    await logIn(manager, await addMember(org.organisationId, 'manager'))
    const form = await (await manager.get('/app/team')).text()
    expect(form).toContain('Invite an auditor')
    expect(form).not.toContain('value="admin"')

    const admin = await manager.post('/app/team', { email: 'boss@harbor.example', role: 'admin' })
    expect(admin.status).toBe(403)
    expect(await admin.text()).toContain('Managers invite auditors')

    const invited = await manager.post('/app/team', { email: 'Audit@Harbor.example', role: 'auditor' })
    expect(invited.status).toBe(200)
    const email = await env.smtp.waitForEmail('audit@harbor.example')
    const path = new URL(linkIn(email.text, `${env.server.baseUrl}/join/`)).pathname
    const auditor = new BrowserClient(env.server.baseUrl)
    expect(await (await auditor.get(path)).text()).toContain('auditor')
    expect((await auditor.post(path, { name: 'Ana Ortiz', password: 'auditor password 1' })).status).toBe(302)
    const membership = await getDb()
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .select(['membership.role', 'membership.organisation_id'])
      .where('user.email', '=', 'audit@harbor.example')
      .executeTakeFirstOrThrow()
    expect(membership).toEqual({ role: 'auditor', organisation_id: org.organisationId })
  })

  test('an auditor reads dashboards, reports, the audit log, PDFs and CSV, and every change is refused with 403', async () => {
    const org = await createOrganisation('Harbor Savings')
    const engagementId = await createEngagement(org.organisationId, 'Call centre 2027')
    const vendor = await createVendor(org.organisationId, engagementId, { company: 'Norte S.A.' })
    const second = await createVendor(org.organisationId, engagementId, { company: 'Manila BPO' })
    const client = new BrowserClient(env.server.baseUrl)
    await logIn(client, await addMember(org.organisationId, 'auditor'))
    const base = `/app/engagements/${engagementId}`

    for (const path of [
      '/app/engagements',
      base,
      `${base}/profile`,
      `${base}/audit`,
      `${base}/review`,
      `${base}/dashboard.csv`,
      `${base}/compare?v=${vendor.invitationId}&v=${second.invitationId}`,
      `${base}/compare.pdf?v=${vendor.invitationId}&v=${second.invitationId}`,
      `${base}/vendors/${vendor.invitationId}`,
      `${base}/vendors/${vendor.invitationId}/report.pdf`,
      `${base}/vendors/${vendor.invitationId}/answers.csv`,
      `${base}/vendors/${vendor.invitationId}/history`,
      `${base}/vendors/${vendor.invitationId}/remediation`,
    ]) {
      expect((await client.get(path)).status, path).toBe(200)
    }

    // No control that changes something is shown.
    const dashboard = await (await client.get(base)).text()
    expect(dashboard).not.toContain('Invite a vendor')
    expect(dashboard).not.toContain('name="intent" value="invite"')
    const report = await (await client.get(`${base}/vendors/${vendor.invitationId}`)).text()
    expect(report).not.toContain('name="intent" value="decide"')
    const profile = await (await client.get(`${base}/profile`)).text()
    expect(profile).toContain('You are an auditor: you can read this profile')
    expect(profile).toMatch(/<fieldset class="plain-fieldset" disabled="">/)
    expect(profile).not.toContain('Archive this engagement')
    const list = await (await client.get('/app/engagements')).text()
    expect(list).toContain('Call centre 2027')
    expect(list).not.toContain('New engagement')
    expect(list).not.toContain('href="/app/engagements/new"')

    const attempts: Array<[string, Record<string, string>]> = [
      ['/app/engagements/new', { name: 'Sneaky', dueDate: '' }],
      [`${base}/vendors/${vendor.invitationId}`, { intent: 'decide', decision: 'approved', reason: 'ok' }],
      [`${base}?index`, { intent: 'invite', vendorCompany: 'X', contactEmail: 'x@example.com', vendorCountry: 'MX' }],
      [`${base}/profile`, { intent: 'archive' }],
      ['/app/team', { email: 'friend@example.com', role: 'auditor' }],
    ]
    for (const [path, form] of attempts) {
      const response = await client.post(path, form)
      expect(response.status, path).toBe(403)
      expect(await response.text(), path).toContain('You are an auditor')
    }
    const decisions = await getDb().selectFrom('vendor_decision').select('id').execute()
    expect(decisions).toEqual([])
    const invitations = await getDb()
      .selectFrom('invitation')
      .select('id')
      .where('engagement_id', '=', engagementId)
      .execute()
    expect(invitations).toHaveLength(2)
    const engagement = await getDb()
      .selectFrom('engagement')
      .select('status')
      .where('id', '=', engagementId)
      .executeTakeFirstOrThrow()
    expect(engagement.status).toBe('active')
  })
})
