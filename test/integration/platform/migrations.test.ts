import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { migrations } from '#db/migrations/index.ts'
import { openSqliteHandle } from '#db/sqlite-handle.ts'

const MIGRATION_NAMES = Object.keys(migrations)

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, NODE_ENV: 'development', SESSION_SECRET: 'x'.repeat(40), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function freshDatabaseFile() {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'shoreline-migrate-')), 'db.sqlite')
}

describe('migrations', () => {
  test('create the whole domain, and migrating twice is a no-op', async () => {
    const first = await migrateToLatest(getDb())
    expect(first).toEqual(MIGRATION_NAMES)
    const tables = (await getDb().introspection.getTables()).map((t) => t.name).sort()
    expect(tables).toEqual(
      expect.arrayContaining([
        'organisation',
        'user',
        'membership',
        'engagement',
        'regulatory_profile',
        'invitation',
        'response',
        'answer',
        'evidence',
        'assessment',
        'audit_event',
        'outbound_email',
      ]),
    )
    expect(await migrateToLatest(getDb())).toEqual([])
    expect((await getDb().introspection.getTables()).map((t) => t.name).sort()).toEqual(tables)
  })

  test('two processes starting at once migrate once', async () => {
    const file = freshDatabaseFile()
    const [a, b] = await Promise.all([
      run(['db/migrate.ts'], { DATABASE_URL: file }),
      run(['db/migrate.ts'], { DATABASE_URL: file }),
    ])
    // On failure, show what the failing process printed.
    expect([a, b].map((r) => ({ code: r.code, stderr: r.stderr }))).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ])
    const applied = `${a.stdout}${b.stdout}`.match(/Applied migration /g) ?? []
    expect(applied).toHaveLength(MIGRATION_NAMES.length)
    const sqlite = openSqliteHandle(file, { readonly: true })
    const rows = sqlite.prepare('select name from kysely_migration order by name').all()
    sqlite.close()
    expect(rows).toEqual(MIGRATION_NAMES.map((name) => ({ name })))
  }, 60_000)

  test('a failing migration stops start with its name and a non-zero exit', async () => {
    const file = freshDatabaseFile()
    // A database in a state the first migration cannot handle: its table already exists.
    const sqlite = openSqliteHandle(file)
    sqlite.exec('create table organisation (id text primary key)')
    sqlite.close()
    const started = await run(['scripts/serve.ts'], { DATABASE_URL: file, PORT: '0' })
    expect(started.code).toBe(1)
    expect(started.stderr).toContain('Migration "2026-11-22T0900_create_accounts" failed')
    expect(started.stderr).toContain('already exists')
    expect(started.stdout).not.toContain('Shoreline is running')
  }, 60_000)

  test('a bad configuration value stops start with a message naming the variable', async () => {
    const started = await run(['scripts/serve.ts'], { DATABASE_URL: freshDatabaseFile(), PORT: 'eighty' })
    expect(started.code).toBe(1)
    expect(started.stderr).toContain('PORT')
  }, 60_000)

  test('a bad PDF setting stops start too, not the first download', async () => {
    const started = await run(['scripts/serve.ts'], {
      DATABASE_URL: freshDatabaseFile(),
      PORT: '0',
      PDF_TIMEOUT_MS: '30s',
    })
    expect(started.code).toBe(1)
    expect(started.stderr).toContain('PDF_TIMEOUT_MS: must be a whole number of milliseconds')
    expect(started.stdout).not.toContain('Shoreline is running')
  }, 60_000)
})
