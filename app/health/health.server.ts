import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { nowIso } from '../utils/ids.ts'

/** Writes the time of this check and reads it back. */
export async function checkHealth(db: Kysely<Database>): Promise<{ checkedAt: string }> {
  const checkedAt = nowIso()
  await db
    .insertInto('health_check')
    .values({ id: 1, checked_at: checkedAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: checkedAt }))
    .execute()
  const row = await db.selectFrom('health_check').select('checked_at').where('id', '=', 1).executeTakeFirstOrThrow()
  return { checkedAt: row.checked_at }
}
