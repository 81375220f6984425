import { type DialectAdapter, PostgresAdapter } from 'kysely'

/**
 * Which SQL dialect a connection (or transaction) speaks, read from the connection itself rather
 * than from the configuration, so a helper is right for whatever `db` it is handed (a test's own
 * connection, a migration's `Kysely<any>`, `db:copy`'s two ends).
 */
export type Dialect = 'sqlite' | 'postgres'

/** Any Kysely instance or transaction, whatever its database type. */
export type Connection = { getExecutor(): { readonly adapter: DialectAdapter } }

export function dialectOf(db: Connection): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
