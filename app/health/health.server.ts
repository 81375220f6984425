import type { Kysely } from 'kysely'
import { migrations } from '#db/migrations/index.ts'
import type { Database } from '#db/schema.ts'
import { dialectOf } from '../db/dialect.ts'
import { nowIso } from '../utils/ids.ts'
import { listAppliedMigrations, writeAndReadHealthCheck } from './queries.server.ts'

export type Health = {
  checkedAt: string
  database: {
    dialect: 'sqlite' | 'postgres'
    /** The last migration applied to the database. */
    migration: string | null
    /** Migrations this build knows that the database lacks (an instance newer than the schema). */
    pending: number
    /** Migrations the database has that this build does not know (an instance older than the schema). */
    unknown: number
    /** SQLite: the statements this process keeps prepared, one per SQL text (db/sqlite-handle.ts). */
    keptStatements?: number
  }
}

/**
 * Writes the time of this check and reads it back (the database answers, and takes writes), and
 * says which database it is and how far it is migrated, so a load balancer or an operator sees an
 * instance that runs against the wrong database or schema.
 */
export async function checkHealth(db: Kysely<Database>, keptStatements?: number | null): Promise<Health> {
  const checkedAt = await writeAndReadHealthCheck(db, { checkedAt: nowIso() })
  const applied = await listAppliedMigrations(db)
  const known = Object.keys(migrations)
  return {
    checkedAt,
    database: {
      dialect: dialectOf(db),
      migration: applied.at(-1) ?? null,
      pending: known.filter((name) => !applied.includes(name)).length,
      unknown: applied.filter((name) => !known.includes(name)).length,
      ...(keptStatements == null ? {} : { keptStatements }),
    },
  }
}
