import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, type MigrationLockOptions, Migrator, SqliteAdapter, SqliteDialect, sql } from 'kysely'
import { migrations } from '#db/migrations/index.ts'
import type { Database } from '#db/schema.ts'
import { getEnv } from './env.server.ts'

/**
 * The only place a database connection is made. The connection opens lazily on first use from the
 * validated configuration, so tests can point DATABASE_URL elsewhere before it opens, and
 * `closeDb()` closes it on SIGTERM/SIGINT (see app/server/lifecycle.server.ts).
 */

let open: { db: Kysely<Database>; file: string } | undefined

export function getDb(): Kysely<Database> {
  if (!open) {
    const file = getEnv().databaseFile
    open = { db: connect(file), file }
  }
  return open.db
}

export async function closeDb(): Promise<void> {
  const current = open
  open = undefined
  await current?.db.destroy()
}

function connect(file: string): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers proceed during a write; FULL syncs every commit to disk (no lost answers on a
  // power cut); the busy timeout makes a second writer wait instead of failing.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return new Kysely<Database>({ dialect: new ShorelineSqliteDialect({ database: sqlite }) })
}

/**
 * Kysely's SQLite adapter takes no migration lock (it assumes one process). Two servers starting
 * at once on the same file would both try to migrate, so the lock here is a write to the lock row
 * as the first statement of the migration transaction: SQLite then holds the write lock until the
 * transaction ends, and the second process waits (busy timeout) and finds nothing left to do.
 */
class MigrationLockingSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<any>, options: MigrationLockOptions): Promise<void> {
    await sql`update ${sql.table(options.lockTable)} set is_locked = 1 where id = ${options.lockRowId}`.execute(db)
  }

  override async releaseMigrationLock(db: Kysely<any>, options: MigrationLockOptions): Promise<void> {
    await sql`update ${sql.table(options.lockTable)} set is_locked = 0 where id = ${options.lockRowId}`.execute(db)
  }
}

class ShorelineSqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new MigrationLockingSqliteAdapter()
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
 */
export async function migrateToLatest(db: Kysely<Database> = getDb()): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) {
    const failed = results.find((result) => result.status === 'Error')
    throw new MigrationFailedError(failed?.migrationName ?? '(before any migration ran)', error)
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
