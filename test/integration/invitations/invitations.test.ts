import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()

async function buyerWithEngagement(dueDate: string | null = '2099-01-31') {
  const org = await createOrganisation('Mercy Hospital')
  const engagementId = await createEngagement(org.organisationId, 'Medical coding 2027', dueDate)
  const buyer = new BrowserClient(env.server.baseUrl)
  await logIn(buyer, org)
  return {
    org,
    engagementId,
    buyer,
    page: `/app/engagements/${engagementId}?index`,
    // A vendor's page: where its invitation is managed (new link, extend, revoke, reopen).
    vendorPage: (invitationId: string) => `/app/engagements/${engagementId}/vendors/${invitationId}`,
  }
}

const vendorForm = (email: string) => ({
  intent: 'invite',
  vendorCompany: 'Manila Coding Corp',
  vendorCountry: 'ph',
  contactName: 'Ana Santos',
  contactEmail: email,
})

async function invitationRow(email: string) {
  return getDb().selectFrom('invitation').selectAll().where('contact_email', '=', email).executeTakeFirstOrThrow()
}

describe('vendor invitations', () => {
  test('the vendor receives the link by email; following it opens the questionnaire without the token in the address', async () => {
    const { buyer, page } = await buyerWithEngagement()
    const response = await buyer.post(page, vendorForm('ana@manila.example'))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Invitation sent to ana@manila.example')

    const email = await env.smtp.waitForEmail('ana@manila.example')
    expect(email.subject).toBe('Mercy Hospital invites you to a vendor due-diligence questionnaire')
    expect(email.text).toContain('Please answer by 2099-01-31')
    const link = linkIn(email.text, `${env.server.baseUrl}/v/`)
    const token = link.split('/v/')[1] ?? ''
    expect(Buffer.from(token, 'base64url')).toHaveLength(32) // 256 random bits

    const stored = await invitationRow('ana@manila.example')
    expect(stored.token_hash).not.toContain(token)
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.vendor_country).toBe('PH')
    // Expiry defaults to the due date plus 7 days.
    expect(stored.expires_at.slice(0, 10)).toBe('2099-02-07')
    // With SMTP configured the stored copy of the email has no live link.
    const stored_email = await getDb()
      .selectFrom('outbound_email')
      .select('text_body')
      .where('to_address', '=', 'ana@manila.example')
      .executeTakeFirstOrThrow()
    expect(stored_email.text_body).not.toContain(token)

    const vendor = new BrowserClient(env.server.baseUrl)
    const landing = await vendor.get(new URL(link).pathname)
    expect(landing.status).toBe(302)
    expect(landing.headers.get('location')).toBe('/v')
    expect(landing.headers.get('referrer-policy')).toBe('no-referrer')
    const home = await vendor.get('/v')
    expect(home.status).toBe(200)
    expect(home.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await home.text()).toContain('Medical coding 2027')

    const opened = await invitationRow('ana@manila.example')
    expect(opened.status).toBe('opened')
    expect(opened.opened_at).not.toBeNull()
    const list = await (await buyer.get(page)).text()
    expect(list).toContain('Manila Coding Corp')
    expect(list).toContain('Opened')
  })

  test('a revoked link shows a plain page, and the vendor session it opened ends too', async () => {
    const { buyer, page, vendorPage } = await buyerWithEngagement()
    await buyer.post(page, vendorForm('rev@vendor.example'))
    const link = new URL(linkIn((await env.smtp.waitForEmail('rev@vendor.example')).text, `${env.server.baseUrl}/v/`))
      .pathname
    const vendor = new BrowserClient(env.server.baseUrl)
    await vendor.get(link)
    expect((await vendor.get('/v')).status).toBe(200)

    const { id } = await invitationRow('rev@vendor.example')
    const revoked = await buyer.post(vendorPage(id), { intent: 'revoke' })
    expect(await revoked.text()).toContain('Invitation revoked')

    const again = await new BrowserClient(env.server.baseUrl).get(link)
    expect(again.status).toBe(410)
    const html = await again.text()
    expect(html).toContain('This invitation was withdrawn')
    expect(html).not.toContain('Mercy Hospital')
    expect((await vendor.get('/v')).status).toBe(401)
  })

  test('"New link" kills the old link and emails a working one', async () => {
    const { buyer, page, vendorPage } = await buyerWithEngagement()
    await buyer.post(page, vendorForm('resend@vendor.example'))
    const oldLink = new URL(
      linkIn((await env.smtp.waitForEmail('resend@vendor.example')).text, `${env.server.baseUrl}/v/`),
    ).pathname
    const before = env.smtp.received.length
    const { id } = await invitationRow('resend@vendor.example')
    const resent = await buyer.post(vendorPage(id), { intent: 'resend' })
    expect(await resent.text()).toContain('the old one no longer works')
    await expect.poll(() => env.smtp.received.length).toBe(before + 1)
    const newLink = new URL(linkIn(env.smtp.received.at(-1)?.text ?? '', `${env.server.baseUrl}/v/`)).pathname
    expect(newLink).not.toBe(oldLink)
    expect((await new BrowserClient(env.server.baseUrl).get(oldLink)).status).toBe(404)
    expect((await new BrowserClient(env.server.baseUrl).get(newLink)).status).toBe(302)
  })

  test('an expired link says so; extending it makes it work again', async () => {
    const { buyer, page, vendorPage } = await buyerWithEngagement()
    await buyer.post(page, vendorForm('late@vendor.example'))
    const link = new URL(linkIn((await env.smtp.waitForEmail('late@vendor.example')).text, `${env.server.baseUrl}/v/`))
      .pathname
    const { id } = await invitationRow('late@vendor.example')
    await getDb()
      .updateTable('invitation')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', id)
      .execute()

    const expired = await new BrowserClient(env.server.baseUrl).get(link)
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('This link has expired')
    expect(await (await buyer.get(page)).text()).toContain('Link expired')

    const extended = await buyer.post(vendorPage(id), { intent: 'extend', days: '10' })
    expect(await extended.text()).toContain('The link now works until')
    expect((await new BrowserClient(env.server.baseUrl).get(link)).status).toBe(302)
  })

  test('the buyer chooses the invitation email’s language; left blank, the vendor’s country decides', async () => {
    const { buyer, page } = await buyerWithEngagement()
    // A Philippine vendor whose contact reads Spanish.
    expect((await buyer.post(page, { ...vendorForm('es@manila.example'), language: 'es' })).status).toBe(200)
    expect((await env.smtp.waitForEmail('es@manila.example')).subject).toBe(
      'Mercy Hospital le invita a responder un cuestionario de diligencia debida para proveedores',
    )
    expect((await invitationRow('es@manila.example')).language).toBe('es')
    // Blank: English for the Philippines.
    expect((await buyer.post(page, { ...vendorForm('en@manila.example'), language: '' })).status).toBe(200)
    expect((await invitationRow('en@manila.example')).language).toBe('en')
    // A pasted list takes one language for all its vendors.
    const pasted = await buyer.post(page, {
      intent: 'paste',
      language: 'zh',
      rows: '"Norte, S.A. de C.V.", MX, Ana López, zh@norte.example',
    })
    expect(pasted.status).toBe(200)
    expect((await env.smtp.waitForEmail('zh@norte.example')).subject).toBe(
      'Mercy Hospital 邀请您填写供应商尽职调查问卷',
    )
    expect((await invitationRow('zh@norte.example')).vendor_company).toBe('Norte, S.A. de C.V.')
    // A language the app does not speak is a 400 with a message, not a 500.
    const french = await buyer.post(page, { ...vendorForm('fr@manila.example'), language: 'fr' })
    expect(french.status).toBe(400)
    expect(await french.text()).toContain('Choose English, Español or 中文')
  })

  test('bad input gets a message at the field: invalid email, unknown country, duplicate invitation', async () => {
    const { buyer, page } = await buyerWithEngagement()
    const bad = await buyer.post(page, { ...vendorForm('not-an-email'), vendorCountry: 'XX' })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('Enter a valid email address')
    expect(html).toContain('Choose a country from the list')
    expect(html).toContain('value="Manila Coding Corp"')

    await buyer.post(page, vendorForm('dup@vendor.example'))
    const duplicate = await buyer.post(page, vendorForm('DUP@vendor.example'))
    expect(duplicate.status).toBe(400)
    expect(await duplicate.text()).toContain('dup@vendor.example is already invited to this engagement')
  })

  test('pasted vendors are all invited, or none when a line is wrong (with its line number)', async () => {
    const { buyer, page } = await buyerWithEngagement()
    const wrong = await buyer.post(page, {
      intent: 'paste',
      rows: 'Caribe Data, PR, Luis Ortiz, luis@caribe.example\nBogotá BPO, ZZ, Marta Ruiz, marta@bogota.example',
    })
    expect(wrong.status).toBe(400)
    const wrongHtml = await wrong.text()
    // In the buyer's words, pointing at what a pasted line can hold (there is no list to choose from).
    expect(wrongHtml).toContain('Line 2: country: “ZZ” is not a country code: use two letters such as MX, PH or PR')
    expect(wrongHtml).toContain('luis@caribe.example') // the pasted text is kept
    expect(
      await getDb().selectFrom('invitation').select('id').where('contact_email', '=', 'luis@caribe.example').execute(),
    ).toEqual([])

    const ok = await buyer.post(page, {
      intent: 'paste',
      rows: 'Caribe Data\tPR\tLuis Ortiz\tluis@caribe.example\n"Bogotá BPO, S.A.S."\tCO\tMarta Ruiz\tmarta@bogota.example\n',
    })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('Invited 2 vendors.')
    const marta = await invitationRow('marta@bogota.example')
    expect(marta.vendor_company).toBe('Bogotá BPO, S.A.S.')
  })

  test('every engagement and invitation URL is a 404 to a user of another organisation', async () => {
    const { buyer, page, vendorPage } = await buyerWithEngagement()
    await buyer.post(page, vendorForm('scoped@vendor.example'))
    const { id } = await invitationRow('scoped@vendor.example')

    const stranger = await createOrganisation('Other Org')
    const other = new BrowserClient(env.server.baseUrl)
    await logIn(other, stranger)
    expect((await other.get(page)).status).toBe(404)
    expect((await other.get(page.replace('?index', '/audit'))).status).toBe(404)
    expect((await other.get(vendorPage(id))).status).toBe(404)
    for (const intent of ['revoke', 'resend', 'extend', 'reopen']) {
      const response = await other.post(vendorPage(id), { intent, days: '5', message: 'Please change it.' })
      expect(response.status).toBe(404)
    }
    // Even with their own engagement's URL, another organisation's invitation id is not found.
    const ownEngagement = await createEngagement(stranger.organisationId)
    const viaOwn = await other.post(`/app/engagements/${ownEngagement}/vendors/${id}`, { intent: 'revoke' })
    expect(viaOwn.status).toBe(404)
    expect((await invitationRow('scoped@vendor.example')).status).toBe('invited')
  })

  test('the audit log records who invited, revoked and opened', async () => {
    const { buyer, page } = await buyerWithEngagement()
    await buyer.post(page, vendorForm('audited@vendor.example'))
    const link = new URL(
      linkIn((await env.smtp.waitForEmail('audited@vendor.example')).text, `${env.server.baseUrl}/v/`),
    ).pathname
    await new BrowserClient(env.server.baseUrl).get(link)
    const html = await (await buyer.get(page.replace('?index', '/audit'))).text()
    expect(html).toContain('invited Manila Coding Corp')
    expect(html).toContain('Manila Coding Corp (vendor)')
    expect(html).toContain('opened the invitation link')
  })
})
