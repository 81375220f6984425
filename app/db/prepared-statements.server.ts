import { createHash } from 'node:crypto'
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import { LRUCache } from 'lru-cache'
import type pg from 'pg'

/**
 * Kysely's pool on PostgreSQL, preparing each data statement once per connection (README decision
 * 96). Kysely sends every query unnamed, so PostgreSQL parses and plans its text on every run: for
 * an autosave's context (five joins and an aggregate) that was 0.45 ms of the server's CPU against
 * 0.03 ms prepared. Here a `select`, `insert`, `update`, `delete` or `with` is sent under a name
 * made from its text, which pg parses once per connection and then only binds and runs.
 *
 * Bounded: a connection prepares its first MAX_PREPARED_PER_CONNECTION distinct texts (the hot ones
 * come first) and sends the rest unnamed, so statements whose text varies (`in` lists of every
 * length) cannot fill the server's memory. A prepared `select *` whose table gained a column since
 * (another instance migrated) fails once with "cached plan must not change result type"; its text is
 * then never prepared again and the query is sent again unnamed when no transaction is open.
 */
export const MAX_PREPARED_PER_CONNECTION = 256
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i
const RESULT_TYPE_CHANGED = '0A000'

export function preparingPool(pool: pg.Pool): PostgresPool {
  const unpreparable = new Set<string>()
  const preparedBy = new WeakMap<pg.PoolClient, Set<string>>()
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect()
      const known = preparedBy.get(client) ?? new Set<string>()
      preparedBy.set(client, known)
      let inTransaction = false
      const run = async (text: string, values: unknown[]) => {
        const name = nameFor(text, known, unpreparable)
        if (!name) return client.query({ text, values })
        try {
          const result = await client.query({ name, text, values })
          known.add(name)
          return result
        } catch (error) {
          const { code, message } = error as { code?: string; message?: string }
          if (code !== RESULT_TYPE_CHANGED || !message?.includes('cached plan')) throw error
          unpreparable.add(text)
          if (inTransaction) throw error
          return client.query({ text, values })
        }
      }
      return {
        query: ((text: string | unknown, values?: ReadonlyArray<unknown>) => {
          if (typeof text !== 'string') return client.query(text as never)
          if (/^\s*(begin|start transaction)\b/i.test(text)) inTransaction = true
          else if (/^\s*(commit|rollback)\b/i.test(text)) inTransaction = false
          return run(text, [...(values ?? [])]) as Promise<PostgresQueryResult<unknown>>
        }) as PostgresPoolClient['query'],
        release: () => client.release(),
      }
    },
    end: () => pool.end(),
  }
}

// Names by text, so a statement run again is not hashed again (every query of every request asks).
const names = new LRUCache<string, string>({ max: 1024 })

/** The statement's name when it is (or may now be) prepared on this connection; undefined to send it unnamed. */
function nameFor(text: string, prepared: Set<string>, unpreparable: Set<string>): string | undefined {
  if (!PREPARABLE.test(text) || unpreparable.has(text)) return undefined
  let name = names.get(text)
  if (name === undefined) {
    name = `s_${createHash('sha1').update(text).digest('hex')}`
    names.set(text, name)
  }
  if (prepared.has(name) || prepared.size < MAX_PREPARED_PER_CONNECTION) return name
  return undefined
}
