import type { Kysely } from 'kysely'

/**
 * Group commit: writes that arrive while a transaction is committing wait and then commit together
 * in the next one, so many small writes share one fsync (SQLite with synchronous=FULL pays one per
 * commit, about 3 ms here). Each job's outcome is reported to its own caller:
 * - a job that throws an `expected` error (a business refusal raised before it wrote anything) fails
 *   alone and the batch goes on;
 * - any other error rolls the whole batch back and every job in it fails with that error, so no
 *   caller is told "saved" for a write that was not committed.
 * Jobs run in arrival order inside the batch, so two racing writes behave as they would one after
 * the other. Durability is unchanged: a caller hears back only after its batch committed.
 */
export class GroupCommit<DB, Input, Output> {
  private queue: Array<{ input: Input; resolve: (value: Output) => void; reject: (error: unknown) => void }> = []
  private running = false

  constructor(
    private readonly db: Kysely<DB>,
    private readonly work: (trx: Kysely<DB>, input: Input) => Promise<Output>,
    private readonly options: {
      expected: (error: unknown) => boolean
      maxBatch?: number
    },
  ) {}

  run(input: Input): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      this.queue.push({ input, resolve, reject })
      if (!this.running) {
        this.running = true
        // Let the requests already read from the sockets join the first batch.
        setImmediate(() => void this.drain())
      }
    })
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch ?? 200)
      const outcomes: Array<{ ok: true; value: Output } | { ok: false; error: unknown }> = []
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const job of batch) {
            try {
              outcomes.push({ ok: true, value: await this.work(trx, job.input) })
            } catch (error) {
              if (!this.options.expected(error)) throw error
              outcomes.push({ ok: false, error })
            }
          }
        })
      } catch (error) {
        for (const job of batch) job.reject(error)
        continue
      }
      batch.forEach((job, i) => {
        const outcome = outcomes[i]!
        if (outcome.ok) job.resolve(outcome.value)
        else job.reject(outcome.error)
      })
    }
    this.running = false
  }
}
