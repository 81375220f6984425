import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { LRUCache } from 'lru-cache'
import { migrations } from '#db/migrations/index.ts'
import type { Database } from '#db/schema.ts'
import { getEnv } from './env.server.ts'

/**
 * The only place a database connection is made. The connection opens lazily on first use from the
 * validated configuration, so tests can point DATABASE_URL elsewhere before it opens, and
 * `closeDb()` closes it on SIGTERM/SIGINT (see app/server/lifecycle.server.ts).
 */

let open: { db: Kysely<Database>; file: string; sqlite: SQLite.Database } | undefined

export function getDb(): Kysely<Database> {
  return opened().db
}

function opened() {
  if (!open) {
    const file = getEnv().databaseFile
    open = { file, ...connect(file) }
  }
  return open
}

/**
 * The raw better-sqlite3 handle under getDb(), for a library that takes one (rate-limiter-flexible's
 * SQLite store). Use it only inside `getDb().connection().execute(…)`: Kysely then holds its one
 * connection for the callback, so the library's statements never land inside someone's transaction.
 */
export function getSqlite(): SQLite.Database {
  return opened().sqlite
}

export async function closeDb(): Promise<void> {
  const current = open
  open = undefined
  await current?.db.destroy()
}

function connect(file: string): { db: Kysely<Database>; sqlite: SQLite.Database } {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers proceed during a write; FULL syncs every commit to disk (no lost answers on a
  // power cut); the busy timeout makes a second writer wait instead of failing.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), sqlite }
}

/**
 * Kysely prepares every query anew; better-sqlite3 can reuse a prepared statement, and preparing
 * was about 8 % of the server's CPU under the autosave benchmark. Queries are built from the same
 * code with parameters, so a small LRU of statements by SQL text serves nearly every query. Safe
 * because better-sqlite3 runs a statement to completion synchronously (nothing here streams with
 * `iterate`), and SQLite re-prepares a cached statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new LRUCache<string, SQLite.Statement>({ max: size })
  return {
    close: () => sqlite.close(),
    prepare(query: string): SQLite.Statement {
      let statement = cache.get(query)
      if (!statement) {
        statement = sqlite.prepare(query)
        cache.set(query, statement)
      }
      return statement
    },
  }
}

export class MigrationFailedError extends Error {
  override name = 'MigrationFailedError'
  constructor(
    readonly migrationName: string,
    override readonly cause: unknown,
  ) {
    super(`Migration "${migrationName}" failed: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/**
 * Runs every pending migration in one transaction and returns the names it applied. Throws a
 * MigrationFailedError naming the migration that failed; nothing of the run is kept then.
 *
 * Kysely's SQLite adapter reports no transactional DDL and takes no lock, so its migrator would run
 * each statement on its own. Here the whole run happens on one connection inside BEGIN IMMEDIATE:
 * SQLite's write lock is taken up front, so a second process starting at the same moment waits
 * (busy timeout) and then finds nothing left to do, and a failure rolls everything back.
 */
export async function migrateToLatest(db: Kysely<Database> = getDb()): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`pragma busy_timeout = 60000`.execute(connection)
    await sql`begin immediate`.execute(connection)
    let finished = false
    try {
      const migrator = new Migrator({ db: connection, provider: { getMigrations: async () => migrations } })
      const { error, results = [] } = await migrator.migrateToLatest()
      if (error) {
        const failed = results.find((result) => result.status === 'Error')
        throw new MigrationFailedError(failed?.migrationName ?? '(before any migration ran)', error)
      }
      await sql`commit`.execute(connection)
      finished = true
      return results.filter((result) => result.status === 'Success').map((result) => result.migrationName)
    } finally {
      if (!finished) await sql`rollback`.execute(connection).catch(() => {})
      await sql`pragma busy_timeout = 5000`.execute(connection)
    }
  })
}
