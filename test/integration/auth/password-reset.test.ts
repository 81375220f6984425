import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()
const NEW_PASSWORD = 'copper meadow sextant 88'

async function askForReset(email: string, client = new BrowserClient(env.server.baseUrl)) {
  return client.post('/forgot-password', { email })
}

async function resetPathFor(email: string) {
  const message = await env.smtp.waitForEmail(email)
  expect(message.subject).toBe('Reset your Shoreline password')
  return new URL(linkIn(message.text, `${env.server.baseUrl}/reset-password/`)).pathname
}

describe('password reset by email', () => {
  test('the page answers the same for an address with an account and one without', async () => {
    const org = await createOrganisation()
    const known = await askForReset(org.email)
    const unknown = await askForReset('nobody-here@example.com')
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(known.status)
    const strip = (html: string, email: string) => html.replaceAll(email, 'EMAIL').replace(/nonce="[^"]*"/g, '')
    expect(strip(await unknown.text(), 'nobody-here@example.com')).toBe(strip(await known.text(), org.email))

    // Each inbox is told what applies to it; only the account's holder gets a link.
    expect((await env.smtp.waitForEmail(org.email)).subject).toBe('Reset your Shoreline password')
    const note = await env.smtp.waitForEmail('nobody-here@example.com')
    expect(note.subject).toBe('Resetting your Shoreline password')
    expect(note.text).not.toContain('/reset-password/')
  })

  test('a link sets a new password once, ends every session, and is hidden in the stored email', async () => {
    const org = await createOrganisation()
    const signedIn = new BrowserClient(env.server.baseUrl)
    await logIn(signedIn, org)
    await askForReset(org.email)
    const path = await resetPathFor(org.email)
    const token = path.split('/').at(-1) ?? ''
    const stored = await getDb()
      .selectFrom('outbound_email')
      .select('text_body')
      .where('to_address', '=', org.email)
      .where('kind', '=', 'password-reset')
      .executeTakeFirstOrThrow()
    expect(stored.text_body).not.toContain(token)
    const row = await getDb().selectFrom('password_reset').selectAll().executeTakeFirstOrThrow()
    expect(row.token_hash).not.toBe(token)
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(30 * 60_000)

    const visitor = new BrowserClient(env.server.baseUrl)
    // Opening the link (a mail scanner would) spends nothing.
    expect(await (await visitor.get(path)).text()).toContain('Choose a new password')
    expect(await (await visitor.get(path)).text()).toContain('Choose a new password')

    const weak = await visitor.post(path, { password: '1234567890' })
    expect(weak.status).toBe(400)
    expect(await weak.text()).toContain('Use at least 12 characters')

    const done = await visitor.post(path, { password: NEW_PASSWORD })
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/login?notice=password-reset')
    expect((await signedIn.get('/app/engagements')).status).toBe(302)
    expect((await new BrowserClient(env.server.baseUrl).post('/login', org)).status).toBe(401)
    await logIn(new BrowserClient(env.server.baseUrl), { email: org.email, password: NEW_PASSWORD })

    const again = await new BrowserClient(env.server.baseUrl).post(path, { password: 'another fine password 77' })
    expect(again.status).toBe(410)
    expect(await (await visitor.get(path)).text()).toContain('This link no longer works')
  })

  test('a link is dead after 30 minutes', async () => {
    const org = await createOrganisation()
    await askForReset(org.email)
    const path = await resetPathFor(org.email)
    await getDb()
      .updateTable('password_reset')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute()
    const visitor = new BrowserClient(env.server.baseUrl)
    expect(await (await visitor.get(path)).text()).toContain('This link no longer works')
    expect((await visitor.post(path, { password: NEW_PASSWORD })).status).toBe(410)
    expect((await new BrowserClient(env.server.baseUrl).post('/login', org)).status).toBe(302)
  })

  test('at most 3 reset emails an hour go to one address; the 4th request gets 429 and sends nothing', async () => {
    const org = await createOrganisation()
    for (let i = 0; i < 3; i++) expect((await askForReset(org.email)).status).toBe(200)
    await expect.poll(() => env.smtp.received.filter((m) => m.to.includes(org.email)).length).toBe(3)
    const blocked = await askForReset(org.email)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await blocked.text()).toContain('Too many requests. Try again in')
    const sent = await getDb().selectFrom('outbound_email').select('id').where('to_address', '=', org.email).execute()
    expect(sent).toHaveLength(3)
  })
})
