import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { nowIso } from '../utils/ids.ts'
import { writeAndReadHealthCheck } from './queries.server.ts'

/** Writes the time of this check and reads it back: the database answers, and takes writes. */
export async function checkHealth(db: Kysely<Database>): Promise<{ checkedAt: string }> {
  return { checkedAt: await writeAndReadHealthCheck(db, { checkedAt: nowIso() }) }
}
