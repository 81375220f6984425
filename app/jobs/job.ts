/**
 * Durable background jobs: the vocabulary shared by the queue (a table on SQLite today; pg-boss
 * behind the same interface on PostgreSQL later, see ../shared/DECISIONS.md) and the code that
 * defines jobs. Plain types and pure functions only.
 */

/** What a handler gets: the job's payload and a way to keep its lease while it works. */
export type JobContext<P = unknown> = {
  id: string
  name: string
  payload: P
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number
  /** Extends the lease so a long job is not taken over while it is still alive. */
  heartbeat: () => Promise<void>
}

export type JobDefinition<P = unknown> = {
  handler: (context: JobContext<P>) => Promise<void>
  /** Runs again this long after each run ends (a recurring job; one at a time). */
  everyMs?: number
  /** Tries before the job is marked failed (default 5). */
  maxAttempts?: number
}

export type JobDefinitions = Record<string, JobDefinition<never>>

export type EnqueueOptions<P = unknown> = {
  name: string
  payload?: P
  /** At most one queued-or-running job per (name, singletonKey): a second enqueue is a no-op. */
  singletonKey?: string
  /** Not before this instant (default: now). */
  runAt?: Date
  maxAttempts?: number
}

/** The key recurring jobs use, so each has exactly one next run queued. */
export const RECURRING_KEY = 'recurring'

/**
 * Wait before retry number `attempt` (1-based): 10 s, 20 s, 40 s … doubling, at most one hour. A
 * failing job backs off instead of hammering whatever it calls.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000)
}
