import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema.ts'

/**
 * Writes the time of a health check into its one row and reads it back.
 * SQL: insert into health_check (id, checked_at) values (1, ?) on conflict (id) do update …; select …
 */
export async function writeAndReadHealthCheck(
  db: Kysely<Database>,
  { checkedAt }: { checkedAt: string },
): Promise<string> {
  await db
    .insertInto('health_check')
    .values({ id: 1, checked_at: checkedAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: checkedAt }))
    .execute()
  const row = await db.selectFrom('health_check').select('checked_at').where('id', '=', 1).executeTakeFirstOrThrow()
  return row.checked_at
}

/**
 * The names of the migrations applied to this database, in order (Kysely's own bookkeeping table,
 * which the row types do not describe).
 * SQL: select name from kysely_migration order by name
 */
export async function listAppliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  return rows.map((row) => row.name)
}
