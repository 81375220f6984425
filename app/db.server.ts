import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { migrations } from '#db/migrations/index.ts'
import type { Database } from '#db/schema.ts'
import { openSqliteHandle, preparedStatementCount } from '#db/sqlite-handle.ts'
import { dialectOf } from './db/dialect.ts'
import { preparingPool } from './db/prepared-statements.server.ts'
import { type DatabaseConfig, getEnv, maskDatabaseUrl } from './env.server.ts'

/**
 * The only place a database connection is made: a SQLite file opened in this process (the
 * default), or a pool of connections to PostgreSQL when DATABASE_URL is a postgres:// URL. The
 * connection opens lazily on first use from the validated configuration, so tests can point
 * DATABASE_URL elsewhere before it opens, and `closeDb()` closes it on SIGTERM/SIGINT (see
 * app/server/lifecycle.server.ts).
 */

type Open =
  | { dialect: 'sqlite'; db: Kysely<Database>; sqlite: SQLite.Database }
  | { dialect: 'postgres'; db: Kysely<Database>; pool: pg.Pool; url: string }

let open: Open | undefined

export function getDb(): Kysely<Database> {
  return opened().db
}

/** Which database this process talks to. */
export function getDialect(): DatabaseConfig['dialect'] {
  return getEnv().database.dialect
}

function opened(): Open {
  open ??= connect(getEnv().database)
  return open
}

/**
 * A connection of its own to the database `config` names, beside the app's (db:copy reads one
 * database and writes another). Close it with `db.destroy()`.
 */
export function openDatabase(config: DatabaseConfig): Kysely<Database> {
  return connect(config).db
}

function connect(config: DatabaseConfig): Open {
  if (config.dialect === 'postgres') {
    const pool = createPgPool(config)
    return {
      dialect: 'postgres',
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) }),
      pool,
      url: config.url,
    }
  }
  const sqlite = openSqlite(config.file)
  return {
    dialect: 'sqlite',
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    sqlite,
  }
}

/**
 * The raw better-sqlite3 handle under getDb(), for a library that takes one (rate-limiter-flexible's
 * SQLite store). Use it only inside `getDb().connection().execute(…)`: Kysely then holds its one
 * connection for the callback, so the library's statements never land inside someone's transaction.
 */
export function getSqlite(): SQLite.Database {
  const current = opened()
  if (current.dialect !== 'sqlite') throw new Error('getSqlite() on a PostgreSQL database')
  return current.sqlite
}

/**
 * How many distinct statements the SQLite handle keeps (db/sqlite-handle.ts: none is ever dropped,
 * so /healthz shows the figure an operator would watch grow); null on PostgreSQL or before opening.
 */
export function keptStatementCount(): number | null {
  return open?.dialect === 'sqlite' ? preparedStatementCount(open.sqlite) : null
}

/** The pg pool under getDb() on PostgreSQL, for libraries that take one (throttles, pg-boss). */
export function getPgPool(): pg.Pool {
  const current = opened()
  if (current.dialect !== 'postgres') throw new Error('getPgPool() on a SQLite database')
  return current.pool
}

export async function closeDb(): Promise<void> {
  const current = open
  open = undefined
  await current?.db.destroy()
}

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  // openSqliteHandle keeps every statement it prepares, one per SQL text (see db/sqlite-handle.ts).
  const sqlite = openSqliteHandle(file)
  // WAL lets readers proceed during a write; FULL syncs every commit to disk (no lost answers on a
  // power cut); the busy timeout makes a second writer wait instead of failing.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

// PostgreSQL type ids whose text pg would hand over as a string: bigint (count(*) and the
// throttles' epoch-millisecond `expire`) and numeric (sum()). Every such value here is far below
// 2^53, so they are read as numbers, as SQLite returns them and as the row types say.
const INT8 = 20
const NUMERIC = 1700

/**
 * What each connection asks of the planner (README decision 99): random_page_cost 1.1, the value
 * PostgreSQL's documentation gives for data that is cached or on SSD, as an engagement's rows are.
 * With the default 4 the planner prices every index entry as a read from a spinning disk, so it
 * sorts the engagement's whole summary rather than walk the index its dashboard's order is kept
 * in. An `options` parameter in DATABASE_URL replaces this one (pg reads the URL's keys last).
 */
export const PG_SESSION_OPTIONS = '-c random_page_cost=1.1'

/** A pg pool of `poolSize` connections; TLS as the URL's sslmode and sslrootcert say. */
export function createPgPool(config: { url: string; poolSize: number }): pg.Pool {
  const pool = new pg.Pool({
    options: PG_SESSION_OPTIONS,
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server dropped (a restart, a failover) must not crash the process: the
  // pool replaces it on the next checkout, and requests meanwhile get their own error.
  pool.on('error', (error) => console.warn(`[db] idle PostgreSQL connection failed: ${error.message}`))
  return pool
}

/** DATABASE_URL could not be used: the message names it (password masked) and the reason, on one line. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}

/**
 * Opens the connection and asks the database one question, so a wrong host, port, password or
 * database name stops start-up with a message saying which, rather than the first request's 500.
 */
export async function checkDatabaseConnection(): Promise<void> {
  const config = getEnv().database
  try {
    await sql`select 1`.execute(getDb())
  } catch (error) {
    const where = config.dialect === 'postgres' ? maskDatabaseUrl(config.url) : config.file
    throw new DatabaseUnavailableError(`DATABASE_URL (${where}): ${reasonOf(error, config)}`)
  }
}

function reasonOf(error: unknown, config: DatabaseConfig): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const text = (message ?? String(error)).split('\n')[0] ?? ''
  const masked = config.dialect === 'postgres' ? text.replaceAll(config.url, maskDatabaseUrl(config.url)) : text
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot connect: nothing listens there (${masked})`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect: unknown host (${masked})`
    case '28P01':
    case '28000':
      return `the server refused the login (${masked})`
    case '3D000':
      return `no such database (${masked})`
    default:
      return masked || 'cannot connect'
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

const provider = { getMigrations: async () => migrations }

/**
 * Runs every pending migration in one transaction and returns the names it applied. Throws a
 * MigrationFailedError naming the migration that failed; nothing of the run is kept then.
 *
 * PostgreSQL: Kysely's migrator takes an advisory lock and runs the whole run in one transaction
 * (DDL is transactional there), so instances starting together apply each migration once.
 *
 * SQLite: Kysely's adapter reports no transactional DDL and takes no lock, so its migrator would run
 * each statement on its own. Here the whole run happens on one connection inside BEGIN IMMEDIATE:
 * SQLite's write lock is taken up front, so a second process starting at the same moment waits
 * (busy timeout) and then finds nothing left to do, and a failure rolls everything back.
 */
export async function migrateToLatest(db: Kysely<Database> = getDb()): Promise<string[]> {
  if (dialectOf(db) === 'postgres') return applied(await new Migrator({ db, provider }).migrateToLatest())
  return db.connection().execute(async (connection) => {
    await sql`pragma busy_timeout = 60000`.execute(connection)
    await sql`begin immediate`.execute(connection)
    let finished = false
    try {
      const names = applied(await new Migrator({ db: connection, provider }).migrateToLatest())
      await sql`commit`.execute(connection)
      finished = true
      return names
    } finally {
      if (!finished) await sql`rollback`.execute(connection).catch(() => {})
      await sql`pragma busy_timeout = 5000`.execute(connection)
    }
  })
}

function applied({ error, results = [] }: Awaited<ReturnType<Migrator['migrateToLatest']>>): string[] {
  if (error) {
    const failed = results.find((result) => result.status === 'Error')
    throw new MigrationFailedError(failed?.migrationName ?? '(before any migration ran)', error)
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
