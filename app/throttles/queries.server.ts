import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'

/** SQL: delete from rate_limit where expire < ? (epoch ms) */
export async function deleteExpiredThrottles(db: Kysely<Database>, { before }: { before: number }) {
  await db.deleteFrom('rate_limit').where('expire', '<', before).execute()
}
