import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { BrowserClient } from '#test/support/browser-client.ts'
import { createTestDatabase, type TestDatabase } from '#test/support/databases.ts'
import { startServeProcess, stopAllServeProcesses, stopServeProcess } from '#test/support/serve-process.ts'

// Real server processes (`scripts/serve.ts`, as `npm start` runs it) on one database (a SQLite
// file, or a PostgreSQL database under `npm run test:pg`): the throttles must count across
// processes, instances and restarts, which an in-memory counter cannot.
const DEMO = { email: 'admin@demo.shoreline.test', password: 'shoreline-demo' }
const databases: TestDatabase[] = []

afterEach(async () => {
  await stopAllServeProcesses()
})
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()))
})

async function freshDatabase() {
  const database = await createTestDatabase()
  databases.push(database)
  return database.url
}

const startServer = startServeProcess

function login(baseUrl: string, password: string, forwardedFor?: string) {
  return new BrowserClient(baseUrl).post(
    '/login',
    { ...DEMO, password },
    forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  )
}

describe('throttles in the database', () => {
  test('failed logins are still counted after a restart, and X-Forwarded-For is ignored without TRUST_PROXY', async () => {
    const file = await freshDatabase()
    const first = await startServer(file)
    for (let attempt = 1; attempt <= 10; attempt++) {
      // A client that names a new address each time gains nothing: the socket's address counts.
      const response = await login(first.baseUrl, `wrong ${attempt}`, `198.51.100.${attempt}`)
      expect(response.status).toBe(401)
    }
    await stopServeProcess(first)

    const second = await startServer(file)
    const blocked = await login(second.baseUrl, DEMO.password, '198.51.100.99')
    expect(blocked.status).toBe(429)
    expect(await blocked.text()).toContain('Too many failed attempts')
  }, 90_000)

  test('behind a trusted proxy, two instances share the count per client, and one client cannot lock out another', async () => {
    const file = await freshDatabase()
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
