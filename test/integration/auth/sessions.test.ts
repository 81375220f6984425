import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

/** A second browser holding a copy of the first one's cookies (a stolen or copied cookie). */
function copyOf(client: BrowserClient) {
  const copy = new BrowserClient(server.baseUrl)
  const cookie = client.cookieHeader()
  return { get: (path: string) => copy.get(path, { cookie }) }
}

async function isSignedIn(get: (path: string) => Promise<Response>) {
  const response = await get('/app/engagements')
  if (response.status === 200) return true
  expect(response.status).toBe(302)
  expect(response.headers.get('location')).toMatch(/^\/login\?redirectTo=/)
  return false
}

async function sessionsOf(userId: string) {
  return getDb().selectFrom('user_session').selectAll().where('user_id', '=', userId).execute()
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

describe('buyer sessions live on the server', () => {
  test('the cookie holds a random id; the table holds only its SHA-256', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const [session] = await sessionsOf(org.userId)
    // A signed cookie: encodeURIComponent(base64(JSON(value)) + '.' + signature)
    const raw = decodeURIComponent(client.cookieHeader().match(/__shoreline_session=([^;]+)/)?.[1] ?? '')
    const token = JSON.parse(Buffer.from(raw.slice(0, raw.lastIndexOf('.')), 'base64').toString('utf8')) as string
    expect(token).toMatch(/^[\w-]{43}$/)
    expect(session?.id_hash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(await sessionsOf(org.userId))).not.toContain(token)
  })

  test('logout ends the session on the server: a copy of the cookie stops working', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const stolen = copyOf(client)
    expect(await isSignedIn(stolen.get)).toBe(true)

    expect((await client.post('/logout', {})).status).toBe(302)
    expect(await isSignedIn(stolen.get)).toBe(false)
    expect(await sessionsOf(org.userId)).toEqual([])
  })

  test('a session ends after 30 minutes without a request, and is kept alive by use', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const [session] = await sessionsOf(org.userId)
    const idle = (minutes: number) =>
      getDb()
        .updateTable('user_session')
        .set({ last_seen_at: minutesAgo(minutes) })
        .where('id_hash', '=', session?.id_hash ?? '')
        .execute()

    await idle(29)
    expect(await isSignedIn((path) => client.get(path))).toBe(true)
    // That request counted as use: the session was seen just now.
    const [touched] = await sessionsOf(org.userId)
    expect(Date.parse(touched?.last_seen_at ?? '')).toBeGreaterThan(Date.now() - 60_000)

    await idle(31)
    expect(await isSignedIn((path) => client.get(path))).toBe(false)
  })

  test('a session ends 12 hours after login, however busy', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    const response = await logIn(client, org)
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=43200/)
    const [session] = await sessionsOf(org.userId)
    expect(Date.parse(session?.expires_at ?? '') - Date.parse(session?.created_at ?? '')).toBe(12 * 3_600_000)

    await getDb()
      .updateTable('user_session')
      .set({ created_at: minutesAgo(12 * 60 + 1), expires_at: minutesAgo(1), last_seen_at: minutesAgo(0) })
      .execute()
    expect(await isSignedIn((path) => client.get(path))).toBe(false)
  })

  test('"Log out everywhere" ends every session of the person, in every browser', async () => {
    const org = await createOrganisation()
    const laptop = new BrowserClient(server.baseUrl)
    const phone = new BrowserClient(server.baseUrl)
    await logIn(laptop, org)
    await logIn(phone, org)
    expect(await sessionsOf(org.userId)).toHaveLength(2)
    const page = await (await laptop.get('/app/account')).text()
    expect(page).toContain('Log out everywhere')

    const out = await laptop.post('/logout', { scope: 'everywhere' })
    expect(out.status).toBe(302)
    expect(out.headers.get('location')).toBe('/login?notice=logged-out-everywhere')
    expect(await isSignedIn((path) => phone.get(path))).toBe(false)
    expect(await isSignedIn((path) => laptop.get(path))).toBe(false)
    expect(await sessionsOf(org.userId)).toEqual([])
    expect(await (await laptop.get('/login?notice=logged-out-everywhere')).text()).toContain(
      'You are logged out on every device.',
    )
  })

  test('signed-in pages and their data are never stored by a browser or proxy cache', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    for (const path of ['/app/engagements', '/app/engagements.data', '/app/team', '/app/account']) {
      const response = await client.get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe('no-store')
    }
  })
})

describe('changing a password', () => {
  test('needs the current password, explains a weak new one, and ends every other session', async () => {
    const org = await createOrganisation()
    const here = new BrowserClient(server.baseUrl)
    const elsewhere = new BrowserClient(server.baseUrl)
    await logIn(here, org)
    await logIn(elsewhere, org)

    const wrong = await here.post('/app/account', {
      currentPassword: 'not my password',
      password: 'tidal quartz lantern 41',
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('That is not your current password')

    const weak = await here.post('/app/account', { currentPassword: org.password, password: 'password1234' })
    expect(weak.status).toBe(400)
    expect(await weak.text()).toContain('This password is too easy to guess.')

    const changed = await here.post('/app/account', {
      currentPassword: org.password,
      password: 'tidal quartz lantern 41',
    })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('Your password is changed.')
    expect(await isSignedIn((path) => here.get(path))).toBe(true)
    expect(await isSignedIn((path) => elsewhere.get(path))).toBe(false)

    const oldLogin = await new BrowserClient(server.baseUrl).post('/login', {
      email: org.email,
      password: org.password,
    })
    expect(oldLogin.status).toBe(401)
    await logIn(new BrowserClient(server.baseUrl), { email: org.email, password: 'tidal quartz lantern 41' })
    const audit = await getDb()
      .selectFrom('audit_event')
      .select('action')
      .where('subject_id', '=', org.userId)
      .where('action', '=', 'user.password-changed')
      .execute()
    expect(audit).toHaveLength(1)
  })
})
