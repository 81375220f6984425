import { randomUUID } from 'node:crypto'
import { CompiledQuery, type Kysely } from 'kysely'
import type pg from 'pg'
import PgBoss from 'pg-boss'
import type { Database } from '#db/schema.ts'
import { type EnqueueOptions, type JobContext, type JobDefinition, type JobDefinitions, RECURRING_KEY } from './job.ts'

/**
 * The job queue on PostgreSQL: pg-boss (its own schema, `pgboss`, which it installs and upgrades
 * itself under an advisory lock) behind the interface of the SQLite job table (job.ts,
 * job-runner.server.ts). What the table runner promises holds here too:
 * - a singleton key keeps one job waiting per (name, key): each name is a pg-boss queue with the
 *   "stately" policy (at most one queued and one running per key; a job without a key gets a key
 *   of its own, so those never collapse);
 * - a failed attempt is retried after 10 s, 20 s, 40 s … (pg-boss's backoff, with jitter), up to
 *   `maxAttempts` tries in all;
 * - a job whose instance died (SIGKILL, a lost machine) is taken over: pg-boss's maintenance fails
 *   it once it has run longer than `timeoutSeconds` and it is retried on any instance. pg-boss 10
 *   has no lease to renew, so `heartbeat()` does nothing and the timeout must exceed the longest
 *   run (15 minutes by default; JOB_TIMEOUT_SECONDS);
 * - a recurring job queues its next run when a run ends, whatever the outcome; a run whose
 *   instance died is retried like any other job, so the chain is never broken by a kill.
 * Jobs are fetched one at a time per name by every instance; pg-boss's `FOR UPDATE SKIP LOCKED`
 * fetch gives each job to one of them.
 */

const SCHEMA = 'pgboss'
const POLICY = 'stately'
const RETRY_DELAY_SECONDS = 10
const DEFAULT_MAX_ATTEMPTS = 5

/** pg-boss runs its SQL through this: our pool, or the caller's transaction for an enqueue. */
function executorOf(run: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>): PgBoss.Db {
  return { executeSql: (text, values) => run(text, values ?? []) as Promise<{ rows: never[] }> }
}

const poolExecutor = (pool: pg.Pool) => executorOf((text, values) => pool.query(text, values))

const producers = new WeakMap<pg.Pool, Promise<PgBoss>>()
const knownQueues = new WeakMap<pg.Pool, Map<string, Promise<void>>>()

/**
 * A pg-boss that only sends (no workers, no maintenance), one per pool, installed on first use:
 * a script or a test may enqueue before any server has started on this database.
 */
function producerFor(pool: pg.Pool): Promise<PgBoss> {
  let producer = producers.get(pool)
  if (!producer) {
    const boss = new PgBoss({
      db: poolExecutor(pool),
      schema: SCHEMA,
      supervise: false,
      schedule: false,
      migrate: true,
    })
    producer = boss.start().then(() => boss)
    producers.set(pool, producer)
  }
  return producer
}

/**
 * Creates the job name's queue once per process (pg-boss drops a job sent to a queue that does not
 * exist). Concurrent first enqueues of one name share one creation: pg-boss's `createQueue` makes a
 * partition table, and two at once deadlock in PostgreSQL. Another process creating the same queue
 * at the same moment may still deadlock with this one; PostgreSQL then aborts one side, which tries
 * again (the queue exists by then, and `createQueue` of an existing queue does nothing).
 */
function ensureQueue(boss: PgBoss, pool: pg.Pool, name: string, options: PgBoss.Queue = { name }): Promise<void> {
  let known = knownQueues.get(pool)
  if (!known) {
    known = new Map()
    knownQueues.set(pool, known)
  }
  const pending = known.get(name)
  if (pending) return pending
  const create = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, {
          policy: POLICY,
          retryDelay: RETRY_DELAY_SECONDS,
          retryBackoff: true,
          ...options,
        })
        return
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 5) throw error
      }
    }
  }
  const created = create()
  known.set(name, created)
  // A failed creation is not remembered: the next enqueue tries again.
  created.catch(() => known.delete(name))
  return created
}

/** PostgreSQL's SQLSTATE for a transaction aborted to break a deadlock. */
const DEADLOCK_DETECTED = '40P01'

/**
 * Enqueues a job; returns its id, or undefined when a job with the same singleton key already
 * waits. Inside a transaction the job is written by that transaction, so it exists exactly when
 * the work that asked for it was committed.
 */
export async function enqueuePgBossJob<P>(
  db: Kysely<Database>,
  { pool, timeoutSeconds }: { pool: pg.Pool; timeoutSeconds: number },
  options: EnqueueOptions<P>,
  now: Date,
): Promise<string | undefined> {
  const boss = await producerFor(pool)
  await ensureQueue(boss, pool, options.name)
  // The stately policy allows one waiting job per (name, key), a missing key included: a job
  // without a key gets its own id as key, so any number of them may wait, as in the job table.
  const id = randomUUID()
  const sent = await boss.send(options.name, (options.payload ?? {}) as object, {
    id,
    singletonKey: options.singletonKey ?? id,
    startAfter: options.runAt ?? now,
    retryLimit: (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // A job's time limit is fixed when it is queued: the instance that runs it may be another.
    expireInSeconds: timeoutSeconds,
    db: db.isTransaction
      ? executorOf(async (text, values) => db.executeQuery(CompiledQuery.raw(text, values)))
      : undefined,
  })
  return sent ?? undefined
}

export type PgBossRunnerOptions = {
  pool: pg.Pool
  definitions: JobDefinitions
  /** A job running longer than this is taken for lost and run again (default 900 s). */
  timeoutSeconds?: number
  /** How often an idle worker looks for due jobs (default 1 s). */
  pollSeconds?: number
  /** Where a failed attempt is reported (default console.warn). */
  onError?: (error: unknown, job: { id: string; name: string; attempt: number }) => void
}

/** The SQLite JobRunner's counterpart: works every defined job name from pg-boss. */
export class PgBossRunner {
  private readonly boss: PgBoss
  private ready: Promise<unknown> | undefined
  private working = false

  constructor(private readonly options: PgBossRunnerOptions) {
    const timeout = options.timeoutSeconds ?? 900
    this.boss = new PgBoss({
      db: poolExecutor(options.pool),
      schema: SCHEMA,
      migrate: true,
      schedule: false,
      supervise: true,
      expireInSeconds: timeout,
      // Lost jobs are found by maintenance: run it often enough that one is retried within about
      // twice its timeout.
      maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(timeout / 2))),
    })
    this.boss.on('error', (error: Error) => console.warn(`[jobs] pg-boss: ${error.message}`))
  }

  private get onError() {
    return (
      this.options.onError ??
      ((error: unknown, job: { id: string; name: string; attempt: number }) =>
        console.warn(`[jobs] ${job.name} ${job.id} attempt ${job.attempt} failed:`, error))
    )
  }

  /** Queues the first run of every recurring job that has none waiting (a no-op for the rest). */
  async scheduleRecurring(firstRunAt: Date = new Date()): Promise<void> {
    for (const [name, definition] of Object.entries(this.options.definitions)) {
      if (!definition.everyMs) continue
      await this.send(name, { singletonKey: RECURRING_KEY, startAfter: firstRunAt })
    }
  }

  /** pg-boss started (its schema installed or upgraded), once. */
  private bossReady() {
    this.ready ??= this.boss.start()
    return this.ready
  }

  /** Starts a worker per job name. */
  async start(): Promise<void> {
    if (this.working) return
    await this.bossReady()
    this.working = true
    for (const [name, definition] of Object.entries(this.options.definitions)) {
      await this.createQueue(name, definition)
      await this.boss.work(
        name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.options.pollSeconds ?? 1 },
        async ([job]) => {
          if (job) await this.run(name, definition as JobDefinition<unknown>, job)
        },
      )
    }
  }

  private async run(name: string, definition: JobDefinition<unknown>, job: PgBoss.JobWithMetadata<unknown>) {
    const context: JobContext = {
      id: job.id,
      name,
      payload: job.data,
      attempt: job.retryCount + 1,
      heartbeat: async () => {},
    }
    try {
      await definition.handler(context)
    } catch (error) {
      this.onError(error, { id: job.id, name, attempt: context.attempt })
      // A recurring run is not retried (its next run is queued below); any other job is.
      if (!definition.everyMs) throw error
    } finally {
      if (definition.everyMs && this.working)
        await this.send(name, { singletonKey: RECURRING_KEY, startAfter: new Date(Date.now() + definition.everyMs) })
    }
  }

  private async createQueue(name: string, definition: JobDefinition<never>) {
    await this.boss.createQueue(name, {
      name,
      policy: POLICY,
      retryDelay: RETRY_DELAY_SECONDS,
      retryBackoff: true,
      retryLimit: (definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
    })
  }

  private async send(name: string, options: PgBoss.SendOptions) {
    await this.bossReady()
    await this.createQueue(name, this.options.definitions[name] ?? { handler: async () => {} })
    const definition = this.options.definitions[name]
    return this.boss.send(name, {}, { retryLimit: (definition?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1, ...options })
  }

  /** Stops taking jobs and waits (up to 30 s) for the ones in hand to finish. */
  async stop(): Promise<void> {
    if (!this.ready) return
    this.working = false
    this.ready = undefined
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 })
  }
}
