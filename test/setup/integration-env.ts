import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { createTestDatabase } from '../support/databases.ts'

// Each integration test file gets its own database (a SQLite file, or with TEST_DATABASE_URL a
// PostgreSQL database of its own) and, through Vitest's module isolation, its own server build
// instance and connection, so files never share state. Registered first, this afterAll runs last,
// after the file's own hooks have closed its servers.
const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-test-'))
if (process.env.SHORELINE_TEST_DIALECT === 'postgres' && !process.env.TEST_DATABASE_URL)
  throw new Error('npm run test:pg needs TEST_DATABASE_URL (a PostgreSQL server this test may create databases on)')
const database = process.env.TEST_DATABASE_URL
  ? await createTestDatabase()
  : { url: path.join(dir, 'test.sqlite'), drop: async () => {} }
process.env.DATABASE_URL = database.url
process.env.EVIDENCE_DIR = path.join(dir, 'evidence')
process.env.NODE_ENV = 'test'
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'
delete process.env.SMTP_URL
delete process.env.APP_URL

afterAll(async () => {
  await database.drop()
  rmSync(dir, { recursive: true, force: true })
})
