import type { Kysely } from 'kysely'
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
