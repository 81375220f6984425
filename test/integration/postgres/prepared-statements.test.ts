import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { MAX_PREPARED_PER_CONNECTION } from '#app/db/prepared-statements.server.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'

// On PostgreSQL the app's statements are prepared once per connection (README decision 96): parsed
// and planned once, then only bound and run. What a user would notice if that went wrong: a query
// failing after another instance migrated, or the database's memory growing with every distinct
// statement text.

let other: pg.Client
beforeAll(async () => {
  await migrateToLatest(getDb())
  other = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await other.connect()
  await other.query('create table prepared_probe (id integer primary key, name text)')
  await other.query(`insert into prepared_probe values (1, 'one')`)
})
afterAll(async () => {
  await other.query('drop table if exists prepared_probe')
  await other.end()
})

/** The names of the statements prepared on the connection `run` gets, after it ran. */
async function preparedAfter(run: (db: ReturnType<typeof getDb>) => Promise<void>) {
  return getDb()
    .connection()
    .execute(async (db) => {
      await run(db)
      const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db)
      return rows.map((row) => row.name)
    })
}

test('a statement run twice on a connection is prepared there once', async () => {
  const select = (db: ReturnType<typeof getDb>) =>
    db.selectFrom('organisation').select('id').where('name', '=', 'No Such Organisation').execute()
  const names = await preparedAfter(async (db) => {
    await select(db)
    await select(db)
  })
  expect(names.filter((name) => name.startsWith('s_')).length).toBeGreaterThan(0)
  expect(new Set(names).size).toBe(names.length)
})

test('a prepared select * still answers after another instance adds a column to its table', async () => {
  const rows = await getDb()
    .connection()
    .execute(async (db) => {
      const probe = () => sql<Record<string, unknown>>`select * from prepared_probe where id = ${1}`.execute(db)
      await probe()
      await other.query(`alter table prepared_probe add column added text default 'new'`)
      return (await probe()).rows
    })
  expect(rows).toEqual([{ id: 1, name: 'one', added: 'new' }])
})

test(`a connection prepares at most ${MAX_PREPARED_PER_CONNECTION} statements, and runs the others unnamed`, async () => {
  const texts = MAX_PREPARED_PER_CONNECTION + 40
  const names = await preparedAfter(async (db) => {
    for (let i = 0; i < texts; i++) {
      const { rows } = await sql<{ n: number }>`select ${i}::int + ${sql.lit(i)} as n`.execute(db)
      expect(rows[0]?.n).toBe(2 * i)
    }
  })
  expect(names.length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION)
  expect(names.length).toBeGreaterThan(0)
})
