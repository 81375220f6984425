import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { linkIn, startSmtpServer } from '#test/support/smtp-server.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

// APP_URL unset, as on a developer's machine: links must name http://localhost:PORT, whatever Host
// header a request carries (an attacker's Host would otherwise receive the victim's token).
let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let localUrl: string

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startTestServer({ SMTP_URL: smtp.url, APP_URL: '' })
  localUrl = `http://localhost:${new URL(server.baseUrl).port}`
})
afterAll(async () => {
  await server.close()
  await smtp.close()
})

/** A form POST with a Host header of the sender's choosing (fetch cannot set Host). */
function postWithHost(
  path: string,
  form: Record<string, string>,
  { host, cookie = '' }: { host: string; cookie?: string },
) {
  const body = new URLSearchParams(form).toString()
  return new Promise<number>((resolve, reject) => {
    const req = request(new URL(path, server.baseUrl), {
      method: 'POST',
      headers: {
        host,
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
      },
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function storedBodyTo(address: string) {
  const row = await getDb()
    .selectFrom('outbound_email')
    .select('text_body')
    .where('to_address', '=', address)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  return row.text_body
}

describe('links in emails', () => {
  test('a sign-up sent with a forged Host header still links to this server, and the stored copy hides the token', async () => {
    const status = await postWithHost(
      '/signup',
      {
        organisationName: 'Victim Clinic',
        name: 'Vic Tim',
        email: 'victim@clinic.example',
        password: 'tidal quartz lantern 41',
      },
      { host: 'evil.test' },
    )
    expect(status).toBe(200)
    const email = await smtp.waitForEmail('victim@clinic.example')
    expect(email.text).not.toContain('evil.test')
    const link = linkIn(email.text, `${localUrl}/signup/confirm/`)
    const token = link.split('/').at(-1) ?? ''
    expect(token).toMatch(/^[\w-]{43}$/)

    const stored = await storedBodyTo('victim@clinic.example')
    expect(stored).not.toContain(token)
    expect(stored).toContain('[link hidden]')
  })

  test('a teammate invitation links to this server whatever the Host, and the stored copy hides the token', async () => {
    const org = await createOrganisation('Harbour Trust')
    const admin = new BrowserClient(server.baseUrl)
    await logIn(admin, org)
    const status = await postWithHost(
      '/app/team',
      { email: 'newcomer@harbour.example', role: 'member' },
      { host: 'evil.test', cookie: admin.cookieHeader() },
    )
    expect(status).toBe(200)
    const email = await smtp.waitForEmail('newcomer@harbour.example')
    expect(email.text).not.toContain('evil.test')
    const token = linkIn(email.text, `${localUrl}/join/`).split('/').at(-1) ?? ''
    expect(token).toMatch(/^[\w-]{43}$/)

    const stored = await storedBodyTo('newcomer@harbour.example')
    expect(stored).not.toContain(token)
    expect(stored).toContain('[link hidden]')
  })

  test("a vendor invitation links to this server whatever the Host (the vendor's secret link included)", async () => {
    const org = await createOrganisation('Harbour Clinic')
    const engagementId = await createEngagement(org.organisationId)
    const buyer = new BrowserClient(server.baseUrl)
    await logIn(buyer, org)
    const status = await postWithHost(
      `/app/engagements/${engagementId}?index`,
      {
        intent: 'invite',
        vendorCompany: 'Manila Coding Corp',
        vendorCountry: 'PH',
        contactName: 'Ana Santos',
        contactEmail: 'ana@manila-host.example',
      },
      { host: 'evil.test', cookie: buyer.cookieHeader() },
    )
    expect(status).toBe(200)
    const email = await smtp.waitForEmail('ana@manila-host.example')
    expect(email.text).not.toContain('evil.test')
    expect(linkIn(email.text, `${localUrl}/v/`).split('/v/')[1]).toMatch(/^[\w-]{43}$/)
  })
})
