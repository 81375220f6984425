import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { migrations } from '#db/migrations/index.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { testDialect } from '#test/support/databases.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('security baseline', () => {
  test('HTML responses carry a CSP with a fresh nonce, nosniff, frame-ancestors none and a referrer policy', async () => {
    const first = await fetch(`${server.baseUrl}/login`)
    const second = await fetch(`${server.baseUrl}/login`)
    const csp = first.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(first.headers.get('referrer-policy')).toBe('same-origin')
    const nonceOf = (value: string | null) => value?.match(/'nonce-([^']+)'/)?.[1]
    expect(nonceOf(csp)).not.toBe(nonceOf(second.headers.get('content-security-policy')))
    // The nonce in the header is the one on the page's scripts.
    expect(await first.text()).toContain(`nonce="${nonceOf(csp)}"`)
  })

  test('a cross-site POST is refused with 403 before it reaches the app', async () => {
    const evil = new BrowserClient(server.baseUrl, 'https://evil.example')
    const response = await evil.post('/login', { email: 'a@example.com', password: 'whatever it is' })
    expect(response.status).toBe(403)
    const sameSiteFetch = await fetch(`${server.baseUrl}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(sameSiteFetch.status).toBe(403)
  })

  test('a same-origin POST passes the origin check', async () => {
    const response = await new BrowserClient(server.baseUrl).post('/login', { email: 'a@example.com', password: 'x' })
    expect(response.status).toBe(401)
  })

  test('pages behind login redirect to it', async () => {
    const response = await fetch(`${server.baseUrl}/app/team`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fapp%2Fteam')
  })

  test('public files are served from the build with an hour of cache, and fingerprinted assets for a year', async () => {
    const favicon = await fetch(`${server.baseUrl}/favicon.svg`)
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('content-type')).toContain('image/svg+xml')
    expect(favicon.headers.get('cache-control')).toBe('public, max-age=3600')
    const page = await (await fetch(`${server.baseUrl}/login`)).text()
    const asset = page.match(/\/assets\/[\w.-]+\.js/)?.[0]
    expect(asset).toBeDefined()
    const script = await fetch(`${server.baseUrl}${asset}`)
    expect(script.status).toBe(200)
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  test('an unknown URL gets the 404 page through the error boundary', async () => {
    const response = await fetch(`${server.baseUrl}/no/such/page`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Page not found')
  })

  test('/healthz reads and writes the database, and names its dialect and migration level', async () => {
    // A row that only the check writes: its answer is what it wrote and read back.
    await getDb().deleteFrom('health_check').execute()
    const response = await fetch(`${server.baseUrl}/healthz`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { status: string; checkedAt: string; database: unknown }
    expect(body.status).toBe('ok')
    const row = await getDb().selectFrom('health_check').select('checked_at').executeTakeFirst()
    expect(row?.checked_at).toBe(body.checkedAt)
    expect(body.database).toEqual({
      dialect: testDialect(),
      migration: Object.keys(migrations).sort().at(-1),
      pending: 0,
      unknown: 0,
      // SQLite keeps one prepared statement per SQL text for the life of the process (db/sqlite-handle.ts).
      ...(testDialect() === 'sqlite' ? { keptStatements: expect.any(Number) } : {}),
    })
  })
})
