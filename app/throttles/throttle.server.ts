import { RateLimiterPostgres, type RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible'
import { getDb, getDialect, getPgPool, getSqlite } from '../db.server.ts'
import { deleteExpiredThrottles } from './queries.server.ts'

/**
 * Throttles kept in the database (table rate_limit, created by its migration), so every server
 * process counts together and a restart forgets nothing. rate-limiter-flexible does the counting:
 * its SQLite store on SQLite, its PostgreSQL store (the same table shape) on PostgreSQL, where every
 * instance behind the load balancer counts in the same rows. `tableCreated: true`: the library
 * issues no DDL of its own.
 *
 * SQLite: the store runs its statements on the raw better-sqlite3 handle, so each call is made
 * while Kysely holds its one connection (`connection().execute`): a throttle's write can never land
 * inside another request's open transaction. Never call a throttle from inside a transaction.
 * PostgreSQL: the store takes a pooled connection of its own for each statement (autocommit).
 */
export type ThrottleRule = { keyPrefix: string; points: number; durationSeconds: number }

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number }

type Limiter = RateLimiterSQLite | RateLimiterPostgres

const TABLE = 'rate_limit'
const limiters = new WeakMap<object, Map<string, Limiter>>()

function limiterFor(rule: ThrottleRule): Limiter {
  // One limiter per rule and open database handle: tests and restarts reopen the database.
  const postgres = getDialect() === 'postgres'
  const handle = postgres ? getPgPool() : getSqlite()
  let byPrefix = limiters.get(handle)
  if (!byPrefix) {
    byPrefix = new Map()
    limiters.set(handle, byPrefix)
  }
  let limiter = byPrefix.get(rule.keyPrefix)
  if (!limiter) {
    const options = {
      tableName: TABLE,
      tableCreated: true,
      // The hourly housekeeping job removes old counters; no timer per limiter.
      clearExpiredByTimeout: false,
      keyPrefix: rule.keyPrefix,
      points: rule.points,
      duration: rule.durationSeconds,
    }
    limiter = postgres
      ? new RateLimiterPostgres({ ...options, storeClient: handle, storeType: 'pool' })
      : new RateLimiterSQLite({ ...options, storeClient: handle, storeType: 'better-sqlite3' })
    byPrefix.set(rule.keyPrefix, limiter)
  }
  return limiter
}

function withConnection<T>(work: () => Promise<T>): Promise<T> {
  if (getDialect() === 'postgres') return work()
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
