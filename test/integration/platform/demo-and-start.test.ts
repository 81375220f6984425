import { readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { effectiveStatus } from '#app/invitations/invitation.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { createTestDatabase } from '#test/support/databases.ts'
import { startServeProcess, stopServeProcess } from '#test/support/serve-process.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('demo data', () => {
  test('an empty database gets the demo organisation: three engagements, vendors in every state, in the story’s countries', async () => {
    const engagements = await getDb().selectFrom('engagement').select(['id', 'name']).execute()
    expect(engagements.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('medical coding'),
        expect.stringContaining('document control'),
        expect.stringContaining('China orders'),
      ]),
    )
    const invitations = await getDb()
      .selectFrom('invitation')
      .select(['status', 'expires_at', 'vendor_country', 'engagement_id'])
      .execute()
    const states = new Set(invitations.map((i) => effectiveStatus(i)))
    expect([...states].sort()).toEqual([
      'expired',
      'in-progress',
      'invited',
      'opened',
      'reopened',
      'revoked',
      'submitted',
    ])
    const countries = new Set(invitations.map((i) => i.vendor_country))
    for (const country of ['US', 'PR', 'MX', 'CR', 'CO', 'IN', 'PH', 'CN', 'PL', 'IE', 'VN'])
      expect(countries).toContain(country)
    for (const engagement of engagements) {
      const count = invitations.filter((i) => i.engagement_id === engagement.id).length
      expect(count).toBeGreaterThanOrEqual(5)
      expect(count).toBeLessThanOrEqual(8)
    }
  })

  test('the printed demo login works and shows the engagements', async () => {
    const client = new BrowserClient(server.baseUrl)
    const login = await client.post('/login', { email: 'admin@demo.shoreline.test', password: 'shoreline-demo' })
    expect(login.status).toBe(302)
    const html = await (await client.get('/app/engagements')).text()
    expect(html).toContain('Keystone Avionics')
  })
})

describe('starting and stopping the server', () => {
  test('serve prints the URL and the demo login, and SIGTERM ends it cleanly', async () => {
    const database = await createTestDatabase()
    // NODE_ENV development: the demo seed and the PDF workers' warm-up, as `npm start` runs.
    const server = await startServeProcess(database.url, { NODE_ENV: 'development', SESSION_SECRET: 'y'.repeat(40) })
    try {
      // A bound for a start that never comes, not a latency goal: the demo seed and the PDF
      // workers' warm-up share two busy cores here.
      await expect
        .poll(server.output, { timeout: 80_000, interval: 100 })
        .toContain('Demo login:  admin@demo.shoreline.test  /  shoreline-demo')
      expect(server.output()).toMatch(/Shoreline is running at http:\/\/localhost:\d+/)
      // The process ends on its own once it has closed what it holds: wait for that, not for a clock.
      expect(await stopServeProcess(server)).toBe(0)
      expect(server.output()).toContain('SIGTERM received')
    } finally {
      await database.drop()
    }
  }, 120_000)

  test('SIGTERM lets a request in flight finish before the server closes', async () => {
    const database = await createTestDatabase()
    const server = await startServeProcess(database.url)
    try {
      const body = 'email=nobody%40example.test&password=not-the-password'
      const request = http.request(`${server.baseUrl}/login`, {
        method: 'POST',
        headers: {
          origin: server.baseUrl,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          // The server answers "100 Continue" once it has read the headers: the request is then in
          // its hands, and the body is sent only after the signal.
          expect: '100-continue',
        },
      })
      const answered = new Promise<number | undefined>((resolve, reject) => {
        request.on('response', (response) => {
          response.resume()
          resolve(response.statusCode)
        })
        request.on('error', reject)
      })
      request.flushHeaders()
      await new Promise((resolve) => request.once('continue', resolve))
      server.child.kill('SIGTERM')
      await expect.poll(server.output, { timeout: 20_000, interval: 50 }).toContain('SIGTERM received')
      request.end(body)
      expect(await answered).toBe(401)
      expect(await server.exited).toBe(0)
    } finally {
      await database.drop()
    }
  }, 120_000)
})

describe('the production build', () => {
  test('holds no demo seed: its organisation, admin and login are not in the server bundle', () => {
    const files = readdirSync('build/server', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
    expect(files).toContain('index.js')
    let passwordMentions = 0
    for (const file of files) {
      const code = readFileSync(path.join('build/server', file), 'utf8')
      expect(code, file).not.toContain('Meridian Group (demo)')
      expect(code, file).not.toContain('admin@demo.shoreline.test')
      passwordMentions += code.split('shoreline-demo').length - 1
    }
    // The public demo password appears once: in the password policy's list of words it refuses (a
    // real account must never use it), never as the seed's login.
    expect(passwordMentions).toBe(1)
  })
})
