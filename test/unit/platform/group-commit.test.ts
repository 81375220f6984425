import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { GroupCommit } from '#app/utils/group-commit.server.ts'
import { openSqliteHandle } from '#db/sqlite-handle.ts'

type DB = { item: { id: number; value: string } }

class Refused extends Error {}

function setUp() {
  const sqlite = openSqliteHandle(':memory:')
  let commits = 0
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query' && /^commit/i.test(event.query.sql)) commits++
    },
  })
  return { db, commits: () => commits }
}

describe('group commit', () => {
  test('writes that arrive together share one transaction and each caller gets its own result', async () => {
    const { db, commits } = setUp()
    await sql`create table item (id integer primary key, value text not null)`.execute(db)
    const batcher = new GroupCommit(
      db,
      async (trx, n: number) => {
        await trx
          .insertInto('item')
          .values({ id: n, value: `v${n}` })
          .execute()
        return n * 10
      },
      { expected: (e) => e instanceof Refused },
    )
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => batcher.run(n)))
    expect(results).toEqual(Array.from({ length: 50 }, (_, n) => n * 10))
    expect(commits()).toBe(1)
    expect((await db.selectFrom('item').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(50)
  })

  test('an expected refusal fails alone; an unexpected error rolls back its whole batch and fails every caller', async () => {
    const { db } = setUp()
    await sql`create table item (id integer primary key, value text not null)`.execute(db)
    const batcher = new GroupCommit(
      db,
      async (trx, n: number) => {
        if (n === 2) throw new Refused('no')
        await trx.insertInto('item').values({ id: n, value: 'x' }).execute()
        return n
      },
      { expected: (e) => e instanceof Refused },
    )
    const first = await Promise.allSettled([1, 2, 3].map((n) => batcher.run(n)))
    expect(first.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    // 1 again violates the primary key: nothing of this batch may stay, and no caller hears "saved".
    const second = await Promise.allSettled([4, 1, 5].map((n) => batcher.run(n)))
    expect(second.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    const ids = (await db.selectFrom('item').select('id').orderBy('id').execute()).map((r) => r.id)
    expect(ids).toEqual([1, 3])
    // The batcher keeps working after a failed batch.
    expect(await batcher.run(6)).toBe(6)
  })
})
