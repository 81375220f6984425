import { spawn } from 'node:child_process'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb, getPgPool, migrateToLatest } from '#app/db.server.ts'
import type { JobContext } from '#app/jobs/job.ts'
import { enqueueJob } from '#app/jobs/job-runner.server.ts'
import { PgBossRunner } from '#app/jobs/pg-boss-runner.server.ts'

// The job queue on PostgreSQL: pg-boss behind the interface the SQLite job table has
// (test/integration/jobs/ tests that one), with the same promises. Jobs here may run 2 s before
// they count as lost (read when the first job is queued), so a killed instance's job is retried soon.
process.env.JOB_TIMEOUT_SECONDS = '2'

const runners: PgBossRunner[] = []
beforeAll(async () => {
  await migrateToLatest(getDb())
})
afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()))
})

function runner(definitions: ConstructorParameters<typeof PgBossRunner>[0]['definitions'], timeoutSeconds = 900) {
  const created = new PgBossRunner({ pool: getPgPool(), definitions, timeoutSeconds, onError: () => {} })
  runners.push(created)
  return created
}

const stateOf = (id: string | undefined) =>
  sql<{ state: string; retry_count: number }>`select state, retry_count from pgboss.job where id = ${id}::uuid`
    .execute(getDb())
    .then(({ rows }) => rows[0])

describe('pg-boss behind the jobs interface', () => {
  test('a singleton key keeps one queued job; it runs once and is done', async () => {
    const runs: unknown[] = []
    const first = await enqueueJob(getDb(), { name: 'once', payload: { n: 1 }, singletonKey: 'k' })
    const second = await enqueueJob(getDb(), { name: 'once', payload: { n: 2 }, singletonKey: 'k' })
    expect(first).toBeTypeOf('string')
    expect(second).toBeUndefined()
    await runner({ once: { handler: async ({ payload }: JobContext<unknown>) => void runs.push(payload) } }).start()
    await expect.poll(() => stateOf(first), { timeout: 20_000 }).toMatchObject({ state: 'completed' })
    expect(runs).toEqual([{ n: 1 }])
  })

  test('jobs without a singleton key all wait: none is dropped as a duplicate', async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => enqueueJob(getDb(), { name: 'unkeyed', payload: { n } })))
    expect(new Set(ids).size).toBe(3)
    for (const id of ids) expect(await stateOf(id)).toMatchObject({ state: 'created' })
  })

  test('a job enqueued inside a transaction exists only if the transaction commits', async () => {
    const kept = await getDb()
      .transaction()
      .execute((trx) => enqueueJob(trx, { name: 'in-transaction', payload: { kept: true } }))
    let dropped: string | undefined
    await getDb()
      .transaction()
      .execute(async (trx) => {
        dropped = await enqueueJob(trx, { name: 'in-transaction', payload: { kept: false } })
        throw new Error('roll back')
      })
      .catch(() => {})
    expect(await stateOf(kept)).toMatchObject({ state: 'created' })
    expect(dropped).toBeTypeOf('string')
    expect(await stateOf(dropped)).toBeUndefined()
  })

  test('a failed attempt is retried, and the handler sees the attempt number', async () => {
    const attempts: number[] = []
    const id = await enqueueJob(getDb(), { name: 'flaky', maxAttempts: 3 })
    await runner({
      flaky: {
        maxAttempts: 3,
        handler: async ({ attempt }: JobContext<unknown>) => {
          attempts.push(attempt)
          if (attempt === 1) throw new Error('first try fails')
        },
      },
    }).start()
    // The retry waits out pg-boss's backoff (10 to 20 s after the first failure).
    await expect.poll(() => stateOf(id), { timeout: 45_000, interval: 500 }).toMatchObject({ state: 'completed' })
    expect(attempts).toEqual([1, 2])
  }, 60_000)

  test('a job whose instance was killed mid-run is finished by another once it times out', async () => {
    const id = await enqueueJob(getDb(), { name: 'hang', payload: { work: 'long' } })
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/pg-boss-child.ts', process.env.DATABASE_URL as string],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const claimed = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /claimed (\S+)/.exec(chunk.toString())
        if (match) resolve(match[1] as string)
      })
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before claiming`)))
    })
    expect(claimed).toBe(id)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited

    const finished: unknown[] = []
    // This instance times jobs out after 2 s too, and runs maintenance every second.
    await runner({ hang: { handler: async ({ id, payload }) => void finished.push({ id, payload }) } }, 2).start()
    await expect.poll(() => stateOf(id), { timeout: 60_000, interval: 500 }).toMatchObject({ state: 'completed' })
    expect(finished).toEqual([{ id, payload: { work: 'long' } }])
    expect((await stateOf(id))?.retry_count).toBe(1)
  }, 90_000)
})
