import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { effectiveStatus } from '#app/invitations/invitation.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
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
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-start-'))
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: path.join(dir, 'db.sqlite'),
        PORT: '0',
        SESSION_SECRET: 'y'.repeat(40),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // Both streams, so a start that fails says why in the assertion's message.
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    // A bound for a start that never comes, not a latency goal: the demo seed and the PDF
    // workers' warm-up share two busy cores here.
    await expect
      .poll(() => output, { timeout: 80_000, interval: 100 })
      .toContain('Demo login:  admin@demo.shoreline.test  /  shoreline-demo')
    expect(output).toMatch(/Shoreline is running at http:\/\/localhost:\d+/)
    // The process ends on its own once it has closed what it holds: wait for that, not for a clock.
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(output).toContain('SIGTERM received: closing')
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
