import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema.ts'
import { newId, nowIso } from '../utils/ids.ts'

/**
 * The job table's queries. Each state change is one conditional statement, so runners in several
 * processes on one database never both take a job: SQLite takes its write lock at the start of an
 * UPDATE, before reading the row it changes (and waits for the lock up to the busy timeout).
 */

export type JobRow = {
  id: string
  name: string
  payload: unknown
  attempts: number
  maxAttempts: number
}

/** Inserts a job unless one with the same name and singleton key is queued or running. */
export async function insertJob(
  db: Kysely<Database>,
  job: { name: string; payload: unknown; singletonKey: string | null; runAt: Date; maxAttempts: number; now: Date },
): Promise<string | undefined> {
  const id = newId()
  const result = await db
    .insertInto('job')
    .values({
      id,
      name: job.name,
      singleton_key: job.singletonKey,
      payload_json: JSON.stringify(job.payload ?? {}),
      state: 'queued',
      run_at: nowIso(job.runAt),
      attempts: 0,
      max_attempts: job.maxAttempts,
      created_at: nowIso(job.now),
      updated_at: nowIso(job.now),
    })
    // The target repeats the partial unique index's own predicate, literally, as SQLite requires.
    .onConflict((oc) =>
      oc.columns(['name', 'singleton_key']).where(sql<boolean>`state in ('queued', 'running')`).doNothing(),
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? id : undefined
}

/**
 * Takes the next due job for `runner` under a lease until `leaseUntil`: a queued job whose run_at
 * has passed, or a running one whose lease lapsed (its runner died). Only jobs named in `names`.
 */
export async function claimNextJob(
  db: Kysely<Database>,
  { runner, names, now, leaseUntil }: { runner: string; names: readonly string[]; now: Date; leaseUntil: Date },
): Promise<JobRow | undefined> {
  if (names.length === 0) return undefined
  const at = nowIso(now)
  const row = await db
    .updateTable('job')
    .set((eb) => ({
      state: 'running',
      locked_by: runner,
      locked_until: nowIso(leaseUntil),
      attempts: eb('attempts', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('job')
        .select('id')
        .where('name', 'in', names)
        .where((w) =>
          w.or([
            w.and([w('state', '=', 'queued'), w('run_at', '<=', at)]),
            w.and([w('state', '=', 'running'), w('locked_until', '<=', at)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('created_at')
        .limit(1),
    )
    .returning(['id', 'name', 'payload_json', 'attempts', 'max_attempts'])
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    name: row.name,
    payload: JSON.parse(row.payload_json) as unknown,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }
}

/** Moves the lease forward, only while `runner` still holds the job. */
export async function extendJobLease(
  db: Kysely<Database>,
  { id, runner, now, leaseUntil }: { id: string; runner: string; now: Date; leaseUntil: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ locked_until: nowIso(leaseUntil), updated_at: nowIso(now) })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', runner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Marks the job done, only while `runner` still holds it. */
export async function completeJob(
  db: Kysely<Database>,
  { id, runner, now }: { id: string; runner: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({ state: 'done', locked_by: null, locked_until: null, finished_at: nowIso(now), updated_at: nowIso(now) })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', runner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Records a failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null. */
export async function failJobAttempt(
  db: Kysely<Database>,
  { id, runner, now, error, retryAt }: { id: string; runner: string; now: Date; error: string; retryAt: Date | null },
): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({
      state: retryAt ? 'queued' : 'failed',
      run_at: retryAt ? nowIso(retryAt) : undefined,
      last_error: error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      finished_at: retryAt ? null : nowIso(now),
      updated_at: nowIso(now),
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', runner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function listJobs(db: Kysely<Database>, { name }: { name?: string } = {}) {
  let query = db
    .selectFrom('job')
    .select([
      'id',
      'name',
      'singleton_key as singletonKey',
      'state',
      'run_at as runAt',
      'attempts',
      'last_error as lastError',
      'payload_json as payloadJson',
    ])
    .orderBy('created_at')
  if (name) query = query.where('name', '=', name)
  return query.execute()
}
