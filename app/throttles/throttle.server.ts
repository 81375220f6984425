import { type RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible'
import { getDb, getSqlite } from '../db.server.ts'
import { deleteExpiredThrottles } from './queries.server.ts'

/**
 * Throttles kept in the database (table rate_limit, created by its migration), so every server
 * process counts together and a restart forgets nothing. rate-limiter-flexible's SQLite store does
 * the counting; its PostgreSQL store reads the same table shape.
 *
 * The store runs its statements on the raw better-sqlite3 handle, so each call is made while Kysely
 * holds its one connection (`connection().execute`): a throttle's write can never land inside
 * another request's open transaction. Never call a throttle from inside a transaction.
 */
export type ThrottleRule = { keyPrefix: string; points: number; durationSeconds: number }

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number }

const TABLE = 'rate_limit'
const limiters = new WeakMap<object, Map<string, RateLimiterSQLite>>()

function limiterFor(rule: ThrottleRule): RateLimiterSQLite {
  // One limiter per rule and open database handle: tests and restarts reopen the database.
  const sqlite = getSqlite()
  let byPrefix = limiters.get(sqlite)
  if (!byPrefix) {
    byPrefix = new Map()
    limiters.set(sqlite, byPrefix)
  }
  let limiter = byPrefix.get(rule.keyPrefix)
  if (!limiter) {
    limiter = new RateLimiterSQLite({
      storeClient: sqlite,
      storeType: 'better-sqlite3',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: rule.keyPrefix,
      points: rule.points,
      duration: rule.durationSeconds,
    })
    byPrefix.set(rule.keyPrefix, limiter)
  }
  return limiter
}

function withConnection<T>(work: () => Promise<T>): Promise<T> {
  return getDb()
    .connection()
    .execute(() => work())
}

/** Whether the key has used up its points in the current window (nothing is counted). */
export async function throttleState(rule: ThrottleRule, key: string): Promise<ThrottleState> {
  const res = await withConnection(() => limiterFor(rule).get(key))
  return stateOf(res)
}

/** The worst state of several rules, each with its key (e.g. per account and per IP). */
export async function combinedThrottleState(checks: Array<[ThrottleRule, string]>): Promise<ThrottleState> {
  return worstState(await Promise.all(checks.map(([rule, key]) => throttleState(rule, key))))
}

/** Blocked if any is, for as long as the longest block. */
export function worstState(states: ThrottleState[]): ThrottleState {
  let retryAfterSeconds = 0
  for (const state of states)
    if (state.blocked) retryAfterSeconds = Math.max(retryAfterSeconds, state.retryAfterSeconds)
  return retryAfterSeconds > 0 ? { blocked: true, retryAfterSeconds } : { blocked: false }
}

/** Counts one event against the key. Returns the state after counting it. */
export async function countThrottled(rule: ThrottleRule, key: string): Promise<ThrottleState> {
  try {
    await withConnection(() => limiterFor(rule).consume(key))
    return { blocked: false }
  } catch (rejection) {
    // consume() rejects with the limiter's result once the points are gone, or with a store error.
    if (rejection instanceof Error) throw rejection
    return { blocked: true, retryAfterSeconds: secondsUntil(rejection as RateLimiterRes) }
  }
}

/** Forgets the key's count (a successful login clears that account's failures from that address). */
export async function clearThrottle(rule: ThrottleRule, key: string): Promise<void> {
  await withConnection(() => limiterFor(rule).delete(key))
}

/** Housekeeping: counters whose window ended an hour ago or more. */
export async function purgeExpiredThrottles(now = Date.now()): Promise<void> {
  await deleteExpiredThrottles(getDb(), { before: now - 3_600_000 })
}

function stateOf(res: RateLimiterRes | null): ThrottleState {
  if (!res || res.remainingPoints > 0) return { blocked: false }
  return { blocked: true, retryAfterSeconds: secondsUntil(res) }
}

function secondsUntil(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
}
