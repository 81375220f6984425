import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { dialectOf } from '../db/dialect.ts'
import { getPgPool } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import {
  type EnqueueOptions,
  type JobContext,
  type JobDefinition,
  type JobDefinitions,
  RECURRING_KEY,
  retryDelayMs,
} from './job.ts'
import { enqueuePgBossJob } from './pg-boss-runner.server.ts'
import { claimNextJob, completeJob, extendJobLease, failJobAttempt, insertJob } from './queries.server.ts'

const DEFAULT_MAX_ATTEMPTS = 5

export type JobRunnerOptions = {
  db: Kysely<Database>
  definitions: JobDefinitions
  /** A name for this runner in the table (default: host, pid and a random suffix). */
  runnerId?: string
  /** How long a claimed job is this runner's before another may take it over (default 60 s). */
  leaseMs?: number
  /** How often an idle runner looks for due jobs (default 1 s). */
  pollMs?: number
  now?: () => Date
  /** Where a failed attempt is reported (default console.warn). */
  onError?: (error: unknown, job: { id: string; name: string; attempt: number }) => void
}

/**
 * Enqueues a job (see EnqueueOptions); returns its id, or undefined when a singleton already waits.
 * Pass the caller's transaction to enqueue with its writes. On PostgreSQL the job goes to pg-boss
 * (pg-boss-runner.server.ts), on SQLite into the job table.
 */
export function enqueueJob<P>(
  db: Kysely<Database>,
  options: EnqueueOptions<P>,
  now: Date = new Date(),
): Promise<string | undefined> {
  if (dialectOf(db) === 'postgres') {
    return enqueuePgBossJob(db, { pool: getPgPool(), timeoutSeconds: getEnv().jobTimeoutSeconds }, options, now)
  }
  return insertJob(db, {
    name: options.name,
    payload: options.payload ?? {},
    singletonKey: options.singletonKey ?? null,
    runAt: options.runAt ?? now,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    now,
  })
}

/**
 * Runs due jobs from the table, one at a time per runner. A job is claimed under a lease and
 * renewed by `heartbeat()`; if the process dies, the lease lapses and any runner (this process
 * after a restart, or another instance) takes the job over, so every job runs to completion at
 * least once. Handlers are therefore written to be safe to run again (idempotent, or resuming
 * from what they recorded). A failed attempt is retried with a growing delay (job.ts); after
 * `maxAttempts` it stays `failed` with its last error. A recurring job (`everyMs`) queues its next
 * run when a run ends, whatever the outcome.
 */
export class JobRunner {
  readonly runnerId: string
  private readonly db: Kysely<Database>
  private readonly definitions: JobDefinitions
  private readonly leaseMs: number
  private readonly pollMs: number
  private readonly now: () => Date
  private readonly onError: NonNullable<JobRunnerOptions['onError']>
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = true
  private stopRequested = false

  constructor(options: JobRunnerOptions) {
    this.db = options.db
    this.definitions = options.definitions
    this.runnerId = options.runnerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
    this.leaseMs = options.leaseMs ?? 60_000
    this.pollMs = options.pollMs ?? 1_000
    this.now = options.now ?? (() => new Date())
    this.onError =
      options.onError ??
      ((error, job) => console.warn(`[jobs] ${job.name} ${job.id} attempt ${job.attempt} failed:`, error))
  }

  /** Queues the first run of every recurring job that has none waiting (a no-op for the rest). */
  async scheduleRecurring(firstRunAt: Date = this.now()): Promise<void> {
    for (const [name, definition] of Object.entries(this.definitions)) {
      if (!definition.everyMs) continue
      await enqueueJob(this.db, { name, singletonKey: RECURRING_KEY, runAt: firstRunAt }, this.now())
    }
  }

  /**
   * Runs every job due now, one after another, and returns how many ran. The polling loop calls it;
   * tests and scripts call it directly with an injected clock.
   */
  async runDueJobs(): Promise<number> {
    let ran = 0
    while (!this.stopRequested && (await this.runOne())) ran++
    return ran
  }

  /** Claims and runs one due job; false when none was due. */
  async runOne(): Promise<boolean> {
    const now = this.now()
    const job = await claimNextJob(this.db, {
      runner: this.runnerId,
      names: Object.keys(this.definitions),
      now,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
    })
    if (!job) return false
    const definition = this.definitions[job.name] as JobDefinition<unknown>
    const context: JobContext = {
      id: job.id,
      name: job.name,
      payload: job.payload,
      attempt: job.attempts,
      heartbeat: async () => {
        const at = this.now()
        const held = await extendJobLease(this.db, {
          id: job.id,
          runner: this.runnerId,
          now: at,
          leaseUntil: new Date(at.getTime() + this.leaseMs),
        })
        if (!held) throw new JobLeaseLostError(job.id)
      },
    }
    try {
      await definition.handler(context)
      await completeJob(this.db, { id: job.id, runner: this.runnerId, now: this.now() })
    } catch (error) {
      this.onError(error, { id: job.id, name: job.name, attempt: job.attempts })
      const at = this.now()
      const retryAt = job.attempts < job.maxAttempts ? new Date(at.getTime() + retryDelayMs(job.attempts)) : null
      await failJobAttempt(this.db, {
        id: job.id,
        runner: this.runnerId,
        now: at,
        error: error instanceof Error ? error.message : String(error),
        retryAt: definition.everyMs ? null : retryAt,
      })
    }
    if (definition.everyMs) {
      const at = this.now()
      await enqueueJob(
        this.db,
        { name: job.name, singletonKey: RECURRING_KEY, runAt: new Date(at.getTime() + definition.everyMs) },
        at,
      )
    }
    return true
  }

  /** Starts polling: due jobs run one at a time until `stop()`. */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.stopRequested = false
    const tick = () => {
      this.running = this.runDueJobs()
        .then(() => undefined)
        .catch((error) => console.warn('[jobs] polling failed:', error))
        .finally(() => {
          this.running = undefined
          if (!this.stopped) {
            this.timer = setTimeout(tick, this.pollMs)
            this.timer.unref()
          }
        })
    }
    tick()
  }

  /** Stops polling and waits for the job in hand, if any, to finish (no further job is taken). */
  async stop(): Promise<void> {
    this.stopped = true
    this.stopRequested = true
    clearTimeout(this.timer)
    await this.running
  }
}

/** The runner no longer holds the job (its lease lapsed and another runner took it). */
export class JobLeaseLostError extends Error {
  override name = 'JobLeaseLostError'
  constructor(readonly jobId: string) {
    super(`The lease on job ${jobId} was lost to another runner.`)
  }
}
