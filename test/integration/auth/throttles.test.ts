import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { BrowserClient } from '#test/support/browser-client.ts'

// Real server processes (`scripts/serve.ts`, as `npm start` runs it) on one database file: the
// throttles must count across processes and restarts, which an in-memory counter cannot.
const DEMO = { email: 'admin@demo.shoreline.test', password: 'shoreline-demo' }
const running: ChildProcess[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map(stop))
})

function stop(child: ChildProcess) {
  if (child.exitCode !== null) return Promise.resolve()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  return exited
}

async function startServer(databaseFile: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: {
      ...process.env,
      // 'test': as development (demo seed, no Secure cookie) without warming up the PDF workers.
      NODE_ENV: 'test',
      DATABASE_URL: databaseFile,
      PORT: '0',
      APP_URL: '',
      SMTP_URL: '',
      SESSION_SECRET: 'z'.repeat(40),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  await expect
    .poll(() => output, { timeout: 30_000, interval: 100 })
    .toMatch(/Shoreline is running at http:\/\/\S+:\d+/)
  const port = output.match(/Shoreline is running at http:\/\/\S+:(\d+)/)?.[1]
  return { child, baseUrl: `http://127.0.0.1:${port}` }
}

function freshDatabase() {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'shoreline-throttle-')), 'db.sqlite')
}

function login(baseUrl: string, password: string, forwardedFor?: string) {
  return new BrowserClient(baseUrl).post(
    '/login',
    { ...DEMO, password },
    forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  )
}

describe('throttles in the database', () => {
  test('failed logins are still counted after a restart, and X-Forwarded-For is ignored without TRUST_PROXY', async () => {
    const file = freshDatabase()
    const first = await startServer(file)
    for (let attempt = 1; attempt <= 10; attempt++) {
      // A client that names a new address each time gains nothing: the socket's address counts.
      const response = await login(first.baseUrl, `wrong ${attempt}`, `198.51.100.${attempt}`)
      expect(response.status).toBe(401)
    }
    await stop(first.child)

    const second = await startServer(file)
    const blocked = await login(second.baseUrl, DEMO.password, '198.51.100.99')
    expect(blocked.status).toBe(429)
    expect(await blocked.text()).toContain('Too many failed attempts')
  }, 90_000)

  test('behind a trusted proxy, two instances share the count per client, and one client cannot lock out another', async () => {
    const file = freshDatabase()
    const a = await startServer(file, { TRUST_PROXY: '1' })
    const b = await startServer(file, { TRUST_PROXY: '1' })
    const attacker = '203.0.113.5'
    for (let attempt = 1; attempt <= 10; attempt++) {
      const via = attempt % 2 === 0 ? a : b
      expect((await login(via.baseUrl, `wrong ${attempt}`, attacker)).status).toBe(401)
    }
    expect((await login(a.baseUrl, DEMO.password, attacker)).status).toBe(429)
    expect((await login(b.baseUrl, DEMO.password, attacker)).status).toBe(429)
    // The real admin, behind the same proxy from another address, logs in.
    expect((await login(b.baseUrl, DEMO.password, '203.0.113.6')).status).toBe(302)
  }, 90_000)
})
