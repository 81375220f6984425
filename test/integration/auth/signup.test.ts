import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { linkIn, startSmtpServer } from '#test/support/smtp-server.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startTestServer({ SMTP_URL: smtp.url })
})
afterAll(async () => {
  await server.close()
  await smtp.close()
})

const form = (email: string) => ({
  organisationName: 'Mercy General Hospital',
  name: 'Grace Hopper',
  email,
  password: 'a sufficiently long password',
})

describe('sign-up', () => {
  test('creates the organisation and its first admin once the emailed link is confirmed', async () => {
    const client = new BrowserClient(server.baseUrl)
    const page = await client.post('/signup', form('Grace@Mercy.example'))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Check your email')

    const email = await smtp.waitForEmail('grace@mercy.example')
    expect(email.subject).toBe('Confirm your Shoreline sign-up')
    const link = linkIn(email.text, `${server.baseUrl}/signup/confirm/`)

    // Nothing exists until the link is followed (and a GET alone creates nothing: mail scanners).
    expect(await getDb().selectFrom('user').select('id').where('email', '=', 'grace@mercy.example').execute()).toEqual(
      [],
    )
    expect((await client.get(new URL(link).pathname)).status).toBe(200)
    expect(await getDb().selectFrom('user').select('id').where('email', '=', 'grace@mercy.example').execute()).toEqual(
      [],
    )

    const confirmed = await client.post(new URL(link).pathname, {})
    expect(confirmed.status).toBe(302)
    expect(confirmed.headers.get('location')).toBe('/app/engagements')

    const row = await getDb()
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
      .select(['organisation.name as organisation', 'membership.role', 'user.password_hash as hash'])
      .where('user.email', '=', 'grace@mercy.example')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ organisation: 'Mercy General Hospital', role: 'admin' })
    expect(row.hash).not.toContain('a sufficiently long password')
    expect(row.hash).toMatch(/^\$argon2id\$/)

    const engagements = await client.get('/app/engagements')
    expect(engagements.status).toBe(200)
    const html = await engagements.text()
    expect(html).toContain('No engagements yet')
    expect(html).toContain('Mercy General Hospital')

    const audit = await getDb()
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'organisation.created')
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(1)

    // The link works once: opened again, it says so at once (before any click), and a click changes nothing.
    const reopened = await new BrowserClient(server.baseUrl).get(new URL(link).pathname)
    expect(reopened.status).toBe(410)
    const reopenedHtml = await reopened.text()
    expect(reopenedHtml).toContain('This link no longer works')
    expect(reopenedHtml).toContain('It was already used')
    expect(reopenedHtml).not.toContain('Create my organisation')
    const again = await new BrowserClient(server.baseUrl).post(new URL(link).pathname, {})
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('It was already used')
  })

  test('an expired confirmation link says so when it is opened, and creates nothing', async () => {
    const client = new BrowserClient(server.baseUrl)
    await client.post('/signup', form('late@mercy.example'))
    const link = linkIn((await smtp.waitForEmail('late@mercy.example')).text, `${server.baseUrl}/signup/confirm/`)
    await getDb()
      .updateTable('signup_request')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('email', '=', 'late@mercy.example')
      .execute()
    const opened = await client.get(new URL(link).pathname)
    expect(opened.status).toBe(410)
    const html = await opened.text()
    expect(html).toContain('It has expired before it was used')
    expect(html).not.toContain('Create my organisation')
    expect((await client.post(new URL(link).pathname, {})).status).toBe(410)
    expect(await getDb().selectFrom('user').select('id').where('email', '=', 'late@mercy.example').execute()).toEqual(
      [],
    )
  })

  test('answers the same for an address that already has an account (no enumeration)', async () => {
    const first = new BrowserClient(server.baseUrl)
    await first.post('/signup', form('taken@mercy.example'))
    const link = linkIn((await smtp.waitForEmail('taken@mercy.example')).text, `${server.baseUrl}/signup/confirm/`)
    await first.post(new URL(link).pathname, {})

    const before = smtp.received.length
    const second = await new BrowserClient(server.baseUrl).post('/signup', form('taken@mercy.example'))
    const fresh = await new BrowserClient(server.baseUrl).post('/signup', form('nobody-yet@mercy.example'))
    expect(second.status).toBe(fresh.status)
    const strip = (html: string) =>
      html.replace(/taken@mercy\.example|nobody-yet@mercy\.example/g, 'EMAIL').replace(/nonce="[^"]*"/g, '')
    expect(strip(await second.text())).toBe(strip(await fresh.text()))
    // The owner of the existing account is told instead.
    await expect.poll(() => smtp.received.length).toBe(before + 2)
    expect(smtp.received.find((m) => m.to.includes('taken@') && m.subject.includes('already have'))).toBeTruthy()
  })

  test('bad input gets a message at the field and a 400, keeping what was typed', async () => {
    const response = await new BrowserClient(server.baseUrl).post('/signup', {
      organisationName: 'Acme Bank',
      name: '',
      email: 'not-an-email',
      password: 'short',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Enter your name')
    expect(html).toContain('Enter a valid email address')
    expect(html).toContain('Use at least 12 characters')
    expect(html).toContain('value="Acme Bank"')
    expect(html).toMatch(/aria-describedby="[^"]*-error"/)
  })
})

describe('sign-up emails and passwords', () => {
  test('a common or guessable password is refused with the reason, before anything is sent', async () => {
    for (const password of ['password1234', '1234567890ab', 'qwertyuiop123']) {
      const response = await new BrowserClient(server.baseUrl).post('/signup', {
        ...form('weak@mercy.example'),
        password,
      })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('This password is too easy to guess.')
    }
    const stored = await getDb()
      .selectFrom('outbound_email')
      .select('id')
      .where('to_address', '=', 'weak@mercy.example')
    expect(await stored.execute()).toEqual([])
  })

  test('at most 3 sign-up emails an hour go to one address; the 4th gets 429 and sends nothing', async () => {
    for (let i = 0; i < 3; i++)
      expect((await new BrowserClient(server.baseUrl).post('/signup', form('flood@mercy.example'))).status).toBe(200)
    const blocked = await new BrowserClient(server.baseUrl).post('/signup', form('flood@mercy.example'))
    expect(blocked.status).toBe(429)
    expect(await blocked.text()).toContain('Too many requests. Try again in')
    const stored = await getDb()
      .selectFrom('outbound_email')
      .select('id')
      .where('to_address', '=', 'flood@mercy.example')
      .execute()
    expect(stored).toHaveLength(3)
  })
})
