import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

function messageOf(html: string) {
  return html.match(/<div class="form-error" role="alert">([^<]*)<\/div>/)?.[1]
}

describe('log in and out', () => {
  test('a correct login starts a session that shows the app shell; logout ends it', async () => {
    const org = await createOrganisation('Harbor Bank')
    const client = new BrowserClient(server.baseUrl)
    const response = await client.post('/login', { email: org.email.toUpperCase(), password: org.password })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/app/engagements')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/__shoreline_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)

    const shell = await client.get('/app/engagements')
    expect(shell.status).toBe(200)
    const html = await shell.text()
    expect(html).toContain('Harbor Bank')
    expect(html).toContain('Log out')

    const out = await client.post('/logout', {})
    expect(out.status).toBe(302)
    const after = await client.get('/app/engagements')
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toBe('/login?redirectTo=%2Fapp%2Fengagements')
  })

  test('the session cookie is renewed on login (a cookie planted before login is replaced)', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    const planted = '__shoreline_session=planted-value'
    const response = await client.post('/login', { email: org.email, password: org.password }, { cookie: planted })
    expect(response.headers.get('set-cookie')).toMatch(/__shoreline_session=(?!planted-value)/)
  })

  test('wrong password and unknown email give the same message and status', async () => {
    const org = await createOrganisation()
    const wrongPassword = await new BrowserClient(server.baseUrl).post('/login', {
      email: org.email,
      password: 'not the password',
    })
    const unknownEmail = await new BrowserClient(server.baseUrl).post('/login', {
      email: 'nobody@example.com',
      password: 'whatever it is',
    })
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    const a = messageOf(await wrongPassword.text())
    const b = messageOf(await unknownEmail.text())
    expect(a).toBe('Email or password is incorrect.')
    expect(b).toBe(a)
  })

  test('the 11th failed login in 15 minutes for an account from one IP gets 429, even with the right password', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await client.post('/login', { email: org.email, password: `wrong ${attempt}` })
      expect(response.status).toBe(401)
    }
    const blocked = await client.post('/login', { email: org.email, password: org.password })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await blocked.text()).toContain('Too many failed attempts')
  })

  test('redirectTo only leads to a path on this site', async () => {
    const org = await createOrganisation()
    const response = await new BrowserClient(server.baseUrl).post('/login', {
      email: org.email,
      password: org.password,
      redirectTo: '//evil.example/phish',
    })
    expect(response.headers.get('location')).toBe('/app/engagements')
  })

  test.each([['/\t/evil.test'], ['/\n/evil.test'], ['/\\evil.test']])(
    'redirectTo %j, which a browser would resolve to another site, leads to the engagements instead',
    async (redirectTo) => {
      const org = await createOrganisation()
      const response = await new BrowserClient(server.baseUrl).post('/login', {
        email: org.email,
        password: org.password,
        redirectTo,
      })
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/app/engagements')
    },
  )

  test('redirectTo keeps an in-app path with its query', async () => {
    const org = await createOrganisation()
    const response = await new BrowserClient(server.baseUrl).post('/login', {
      email: org.email,
      password: org.password,
      redirectTo: '/app/team?from=login',
    })
    expect(response.headers.get('location')).toBe('/app/team?from=login')
  })
})

describe('organisation scoping and roles', () => {
  test("a user of organisation A gets 404 for organisation B's engagement URL", async () => {
    const a = await createOrganisation('Org A')
    const b = await createOrganisation('Org B')
    const engagementOfB = await createEngagement(b.organisationId, 'B secret engagement')

    const clientB = new BrowserClient(server.baseUrl)
    await logIn(clientB, b)
    const own = await clientB.get(`/app/engagements/${engagementOfB}`)
    expect(own.status).toBe(200)
    expect(await own.text()).toContain('B secret engagement')

    const clientA = new BrowserClient(server.baseUrl)
    await logIn(clientA, a)
    const other = await clientA.get(`/app/engagements/${engagementOfB}`)
    expect(other.status).toBe(404)
    expect(await other.text()).not.toContain('B secret engagement')
    const list = await clientA.get('/app/engagements')
    expect(await list.text()).not.toContain('B secret engagement')
  })

  test('only admins may invite teammates: a member gets 403 and nothing is sent', async () => {
    const org = await createOrganisation()
    const member = await addMember(org.organisationId, 'member')
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, member)
    const response = await client.post('/app/team', { email: 'new@example.com', role: 'admin' })
    expect(response.status).toBe(403)
    const page = await client.get('/app/team')
    expect(await page.text()).not.toContain('Invite a teammate')
  })
})
