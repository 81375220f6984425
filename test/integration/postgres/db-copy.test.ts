import { spawnSync } from 'node:child_process'
import type { Kysely } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import { migrateToLatest, openDatabase } from '#app/db.server.ts'
import { databaseConfigFrom } from '#app/env.server.ts'
import { checksumTable, tablesInCopyOrder } from '#db/copy.ts'
import type { Database } from '#db/schema.ts'
import { seedDemo } from '#db/seed.ts'
import { createTestDatabase, type TestDatabase } from '#test/support/databases.ts'
import { generateEngagement } from '../../../scripts/generate-engagement.ts'

// `npm run db:copy` as an operator runs it: SQLite → PostgreSQL → SQLite, and the last database
// must hold exactly what the first did, table by table.

const created: TestDatabase[] = []
afterAll(async () => {
  await Promise.all(created.map((database) => database.drop()))
})

async function database(dialect: 'sqlite' | 'postgres') {
  const saved = process.env.TEST_DATABASE_URL
  if (dialect === 'sqlite') delete process.env.TEST_DATABASE_URL
  try {
    const made = await createTestDatabase()
    created.push(made)
    return made.url
  } finally {
    process.env.TEST_DATABASE_URL = saved
  }
}

function copy(from: string, to: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', '--from', from, '--to', to], {
    encoding: 'utf8',
  })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/** Every table's row count and checksum, read straight from a database. */
async function contents(url: string) {
  const db = openDatabase(databaseConfigFrom(url))
  try {
    const tables = await tablesInCopyOrder(db)
    return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await checksumTable(db, table)])))
  } finally {
    await db.destroy()
  }
}

async function sqliteWith(fill: (db: Kysely<Database>) => Promise<unknown>) {
  const url = await database('sqlite')
  const db = openDatabase(databaseConfigFrom(url))
  try {
    await migrateToLatest(db)
    await fill(db)
  } finally {
    await db.destroy()
  }
  return url
}

describe('db:copy', () => {
  test.each([
    ['the demo data', (db: Kysely<Database>) => seedDemo(db, 'http://localhost:3000')],
    [
      'a generated 2,000-vendor engagement',
      async (db: Kysely<Database>) => {
        await seedDemo(db, 'http://localhost:3000')
        const organisation = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()
        await generateEngagement(db, { organisationId: organisation.id, vendors: 2000 })
      },
    ],
  ])(
    '%s: SQLite → PostgreSQL → SQLite, every table equal',
    async (_name, fill) => {
      const source = await sqliteWith(fill)
      const postgres = await database('postgres')
      const back = await database('sqlite')

      const there = copy(source, postgres)
      expect(there.output).toContain('every row count and checksum is equal')
      expect(there.status).toBe(0)
      expect(there.output).toMatch(/^invitation\s+\d+\s+\d+\s+equal$/m)
      const again = copy(postgres, back)
      expect(again.status).toBe(0)

      const [first, last] = [await contents(source), await contents(back)]
      expect(Object.keys(first).length).toBeGreaterThan(20)
      expect(last).toEqual(first)
      expect(await contents(postgres)).toEqual(first)
    },
    600_000,
  )

  test('refuses a target that already holds rows, and changes nothing there', async () => {
    const source = await sqliteWith((db) => seedDemo(db, 'http://localhost:3000'))
    const target = await database('postgres')
    expect(copy(source, target).status).toBe(0)
    const before = await contents(target)
    const refused = copy(source, target)
    expect(refused.status).toBe(1)
    expect(refused.output).toMatch(/Copy refused: the target is not empty \(\w+ has \d+ rows\)/)
    expect(await contents(target)).toEqual(before)
  }, 300_000)
})
