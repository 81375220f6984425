import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

// Each integration test file gets its own SQLite file (and, through Vitest's module isolation, its
// own server build instance and connection), so files never share state.
const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-test-'))
process.env.DATABASE_URL = path.join(dir, 'test.sqlite')
process.env.NODE_ENV = 'test'
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'
delete process.env.SMTP_URL
delete process.env.APP_URL

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})
