import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeDb } from '#app/db.server.ts'
import { integrityOf } from '#db/backup.ts'
import { openSqliteHandle } from '#db/sqlite-handle.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { openVendorSession } from '#test/support/route-world.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// `npm run db:backup` while the server writes, then `npm run db:restore`: refused while the server
// runs, and afterwards the database holds exactly what the backup held.

const run = promisify(execFile)
const script = (name: string, file: string) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, file], { env: process.env }).then(
    (done) => ({ code: 0, out: done.stdout + done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({
      code: failed.code,
      out: failed.stdout + failed.stderr,
    }),
  )

let server: TestServer | undefined
let dir: string
beforeAll(async () => {
  server = await startTestServer()
  dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-backup-'))
})
afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** What a database file holds: answers, the sum of their versions (every save adds one), evidence. */
function contents(file: string) {
  const db = openSqliteHandle(file, { readonly: true })
  try {
    return db.prepare('select count(*) as answers, coalesce(sum(version), 0) as versions from answer').get() as {
      answers: number
      versions: number
    }
  } finally {
    db.close()
  }
}

describe('backups', () => {
  test('a backup taken under write load is intact, and restoring it brings back exactly its rows', async () => {
    const running = server as TestServer
    const org = await createOrganisation('Backup Buyer')
    const engagementId = await createEngagement(org.organisationId)
    const vendors = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const { invitationId } = await createVendor(org.organisationId, engagementId, {
          company: `V${i}`,
          submit: false,
        })
        return openVendorSession(running.baseUrl, invitationId)
      }),
    )
    // Autosaves keep arriving while the backup runs, each a new answer row.
    let writing = true
    let saved = 0
    const writers = vendors.map(async (vendor) => {
      for (let n = 0; writing; n++) {
        const response = await fetch(`${running.baseUrl}/v/answers`, {
          method: 'POST',
          headers: { cookie: vendor.cookieHeader(), origin: running.baseUrl, 'content-type': 'application/json' },
          body: JSON.stringify({ questionId: 'company.legalName', value: `Name ${n}`, baseVersion: n }),
        })
        if (response.status === 200) saved++
        await response.arrayBuffer()
      }
    })
    while (saved < 20) await new Promise((resolve) => setTimeout(resolve, 20))
    const file = path.join(dir, 'backup.sqlite')
    const backup = await script('db-backup', file)
    const savedDuringBackup = saved
    writing = false
    await Promise.all(writers)
    expect(backup.out).toContain('integrity ok')
    expect(backup.code).toBe(0)
    expect(integrityOf(file)).toBe('ok')
    const before = contents(file)
    const live = contents(process.env.DATABASE_URL as string)
    // The backup is one moment during the writes: what was saved before it started, not what came after.
    expect(before.versions).toBeGreaterThanOrEqual(live.versions - saved + 20)
    expect(before.versions).toBeLessThanOrEqual(live.versions)
    expect(savedDuringBackup).toBeGreaterThanOrEqual(20)

    // Refused while the server (and this test's own connection) has the database open.
    const refused = await script('db-restore', file)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('is open in another process')

    await running.close()
    server = undefined
    await closeDb()
    const restored = await script('db-restore', file)
    expect(restored.out).toContain('Restored')
    expect(restored.code).toBe(0)
    expect(integrityOf(process.env.DATABASE_URL as string)).toBe('ok')
    expect(contents(process.env.DATABASE_URL as string)).toEqual(before)
    await closeDb()
    // And the server starts on it.
    server = await startTestServer()
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
  })
})
