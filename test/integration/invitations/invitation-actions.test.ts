import { describe, expect, test, vi } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { whileInsertsFail } from '#test/support/databases.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'

// The invitation services behind the dashboard (invite, paste) and the vendor's page (new link,
// extend, revoke, reopen): each use case commits in one transaction, its input is checked by its
// zod schema, and the page that offers it is the one that handles it.

const env = setUpServerWithSmtp()

async function buyerWithEngagement(name: string) {
  const org = await createOrganisation(name)
  const engagementId = await createEngagement(org.organisationId, 'Medical coding 2027', '2099-01-31')
  const buyer = new BrowserClient(env.server.baseUrl)
  await logIn(buyer, org)
  const dashboard = `/app/engagements/${engagementId}?index`
  const invite = async (contactEmail: string) => {
    await buyer.post(dashboard, {
      intent: 'invite',
      vendorCompany: 'Manila Coding Corp',
      vendorCountry: 'PH',
      contactName: 'Ana Santos',
      contactEmail,
    })
    return (await invitationOf(contactEmail)).id
  }
  return { org, engagementId, buyer, dashboard, invite }
}

const invitationOf = (email: string) =>
  getDb().selectFrom('invitation').selectAll().where('contact_email', '=', email).executeTakeFirstOrThrow()

const emailsTo = (address: string) =>
  getDb().selectFrom('outbound_email').select(['kind']).where('to_address', '=', address).execute()

/** A write that fails inside the app's transaction (a database refusing it), removed afterwards. */
async function withFailingInsert(table: string, when: string, run: () => Promise<void>) {
  // The server logs the failed request; that is expected here.
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  await whileInsertsFail(getDb(), { table, when }, run)
  expect(logged).toHaveBeenCalled()
}

describe('inviting a pasted list', () => {
  test('invites every new vendor, skips and names the ones already invited, and emails each new one once', async () => {
    const { buyer, dashboard, invite } = await buyerWithEngagement('Paste Org')
    await invite('known@vendor.example')
    const response = await buyer.post(dashboard, {
      intent: 'paste',
      rows: [
        'Caribe Data, PR, Luis Ortiz, luis@caribe.example',
        'Manila Coding Corp, PH, Ana Santos, KNOWN@vendor.example',
        'Bogotá BPO, CO, Marta Ruiz, marta@bogota.example',
      ].join('\n'),
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Invited 2 vendors. Already invited, skipped: known@vendor.example.')
    expect(await emailsTo('known@vendor.example')).toHaveLength(1)
    expect(await emailsTo('luis@caribe.example')).toEqual([{ kind: 'vendor-invitation' }])
    expect(await emailsTo('marta@bogota.example')).toEqual([{ kind: 'vendor-invitation' }])
  })

  test('lists every mistake with its line, including an address pasted twice, and invites nobody', async () => {
    const { buyer, dashboard } = await buyerWithEngagement('Paste Mistakes Org')
    const response = await buyer.post(dashboard, {
      intent: 'paste',
      rows: [
        'Caribe Data, PR, Luis Ortiz, twice@caribe.example',
        'Bogotá BPO, ZZ, Marta Ruiz, marta@bogota.example',
        'Caribe Data again, PR, Luis Ortiz, twice@caribe.example',
        'Only three, PR, fields',
      ].join('\n'),
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Line 2: country: “ZZ” is not a country code: use two letters such as MX, PH or PR')
    expect(html).toContain('Line 4: expected 4 fields (company, country, contact name, email), found 3')
    expect(html).toContain('twice@caribe.example appears more than once')
    expect(await emailsTo('twice@caribe.example')).toEqual([])
  })

  test('is one transaction: when one vendor cannot be stored, none of the list is invited or emailed', async () => {
    const { buyer, dashboard } = await buyerWithEngagement('Paste Atomic Org')
    await withFailingInsert('invitation', "new.vendor_company = 'Refused Ltd'", async () => {
      const response = await buyer.post(dashboard, {
        intent: 'paste',
        rows: [
          'Caribe Data, PR, Luis Ortiz, first@caribe.example',
          'Refused Ltd, PR, Rita Refused, refused@vendor.example',
          'Bogotá BPO, CO, Marta Ruiz, third@bogota.example',
        ].join('\n'),
      })
      expect(response.status).toBe(500)
    })
    const stored = await getDb()
      .selectFrom('invitation')
      .select('contact_email')
      .where('contact_email', 'in', ['first@caribe.example', 'third@bogota.example'])
      .execute()
    expect(stored).toEqual([])
    expect(await emailsTo('first@caribe.example')).toEqual([])
  })
})

describe("an invitation's actions, on the vendor's page", () => {
  test('the dashboard row links to the vendor page, which offers new link, extend and revoke, then reopen once submitted', async () => {
    const { buyer, engagementId, dashboard, invite } = await buyerWithEngagement('Panel Org')
    const id = await invite('panel@vendor.example')
    const rows = await (await buyer.get(dashboard)).text()
    const body = rows.slice(rows.indexOf('<tbody>'), rows.indexOf('</tbody>'))
    // No per-row forms on the dashboard any more: the row links to the vendor's page.
    expect(body).not.toContain('<form')
    expect(body).toContain(`href="/app/engagements/${engagementId}/vendors/${id}"`)

    const page = `/app/engagements/${engagementId}/vendors/${id}`
    const open = await (await buyer.get(page)).text()
    expect(open).toContain('id="invitation"')
    for (const text of ['New link', 'Days to extend', 'Revoke…']) expect(open).toContain(text)
    expect(open).not.toContain('Reopen…')

    await submitResponse(getDb(), { invitationId: id })
    const submitted = await (await buyer.get(page)).text()
    expect(submitted).toContain('Reopen…')
    expect(submitted).not.toContain('Revoke…')
  })

  test('a member who may not record decisions still manages invitations; a bad value is a 400 naming it', async () => {
    const { org, engagementId, invite } = await buyerWithEngagement('Member Org')
    const id = await invite('member@vendor.example')
    const member = await addMember(org.organisationId, 'member')
    const client = new BrowserClient(env.server.baseUrl)
    await logIn(client, { email: member.email, password: member.password })
    const page = `/app/engagements/${engagementId}/vendors/${id}`
    const tooLong = await client.post(page, { intent: 'extend', days: '91' })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.text()).toContain('At most 90 days')
    const unknown = await client.post(page, { intent: 'explode' })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Unknown action.')
    const extended = await client.post(page, { intent: 'extend', days: '5' })
    expect(extended.status).toBe(200)
    expect(await extended.text()).toContain('The link now works until')
  })

  test('a reopening message is checked by its schema: at most 2,000 characters, and nothing changes when refused', async () => {
    const { buyer, engagementId, invite } = await buyerWithEngagement('Reopen Schema Org')
    const id = await invite('long@vendor.example')
    await submitResponse(getDb(), { invitationId: id })
    const page = `/app/engagements/${engagementId}/vendors/${id}`
    const response = await buyer.post(page, { intent: 'reopen', message: 'x'.repeat(2001) })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('At most 2,000 characters')
    expect((await invitationOf('long@vendor.example')).status).toBe('submitted')
  })

  test('reopening is one transaction: when the new link cannot be stored, the questionnaire stays submitted and no email goes', async () => {
    const { buyer, engagementId, invite } = await buyerWithEngagement('Reopen Atomic Org')
    const id = await invite('atomic@vendor.example')
    await submitResponse(getDb(), { invitationId: id })
    const page = `/app/engagements/${engagementId}/vendors/${id}`
    await withFailingInsert('invitation_link', 'true', async () => {
      const response = await buyer.post(page, { intent: 'reopen', message: 'Please add your SOC 2 report.' })
      expect(response.status).toBe(500)
    })
    expect((await invitationOf('atomic@vendor.example')).status).toBe('submitted')
    const response = await getDb()
      .selectFrom('response')
      .select('status')
      .where('invitation_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(response.status).toBe('submitted')
    expect(await emailsTo('atomic@vendor.example')).toEqual([{ kind: 'vendor-invitation' }])

    // Once the database accepts it again, the same request reopens and emails.
    const retried = await buyer.post(page, { intent: 'reopen', message: 'Please add your SOC 2 report.' })
    expect(await retried.text()).toContain('was emailed your message')
    expect((await invitationOf('atomic@vendor.example')).status).toBe('reopened')
  })

  test('an archived engagement offers no invitation actions and refuses them', async () => {
    const { buyer, engagementId, invite } = await buyerWithEngagement('Archived Panel Org')
    const id = await invite('archived@vendor.example')
    await getDb().updateTable('engagement').set({ status: 'archived' }).where('id', '=', engagementId).execute()
    const page = `/app/engagements/${engagementId}/vendors/${id}`
    const html = await (await buyer.get(page)).text()
    expect(html).toContain('This engagement is archived')
    expect(html).not.toContain('New link')
    const refused = await buyer.post(page, { intent: 'revoke' })
    expect(refused.status).toBe(409)
    expect((await invitationOf('archived@vendor.example')).status).toBe('invited')
  })
})
