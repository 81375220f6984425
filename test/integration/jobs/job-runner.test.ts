import { spawn } from 'node:child_process'
import { Kysely, SqliteDialect } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import type { JobDefinitions } from '#app/jobs/job.ts'
import { enqueueJob, JobRunner } from '#app/jobs/job-runner.server.ts'
import { listJobs } from '#app/jobs/queries.server.ts'
import type { Database } from '#db/schema.ts'
import { openSqliteHandle } from '#db/sqlite-handle.ts'

const T0 = new Date('2027-01-04T09:00:00Z')
const later = (ms: number) => new Date(T0.getTime() + ms)

/** A clock the test moves by hand. */
function clock(start = T0) {
  let now = start
  return { now: () => now, set: (to: Date) => (now = to) }
}

/** This suite tests the SQLite runner (the pg-boss adapter has its own): the test file's database file. */
function databaseFile(): string {
  const { database } = getEnv()
  if (database.dialect !== 'sqlite') throw new Error('the job table runner is tested on SQLite')
  return database.file
}

/** A second connection to the same file: what a second process sees. */
function secondConnection() {
  const sqlite = openSqliteHandle(databaseFile())
  sqlite.pragma('busy_timeout = 5000')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
}

beforeAll(async () => {
  await migrateToLatest(getDb())
})

const silent = { onError: () => {} }
let counter = 0
const uniqueName = (base: string) => `${base}-${++counter}`

describe('durable jobs', () => {
  test('a singleton key keeps one queued job; it runs once and is done', async () => {
    const name = uniqueName('once')
    const runs: unknown[] = []
    const definitions: JobDefinitions = { [name]: { handler: async ({ payload }) => void runs.push(payload) } }
    const first = await enqueueJob(getDb(), { name, payload: { n: 1 }, singletonKey: 'k' }, T0)
    const second = await enqueueJob(getDb(), { name, payload: { n: 2 }, singletonKey: 'k' }, T0)
    expect(first).toBeTypeOf('string')
    expect(second).toBeUndefined()
    const runner = new JobRunner({ db: getDb(), definitions, now: () => T0 })
    expect(await runner.runDueJobs()).toBe(1)
    expect(await runner.runDueJobs()).toBe(0)
    expect(runs).toEqual([{ n: 1 }])
    expect((await listJobs(getDb(), { name })).map((j) => j.state)).toEqual(['done'])
    // Once done, the same key may be queued again.
    expect(await enqueueJob(getDb(), { name, singletonKey: 'k' }, T0)).toBeTypeOf('string')
  })

  test('a job waits for its run_at', async () => {
    const name = uniqueName('later')
    let ran = 0
    await enqueueJob(getDb(), { name, runAt: later(60_000) }, T0)
    const time = clock()
    const runner = new JobRunner({
      db: getDb(),
      definitions: { [name]: { handler: async () => void ran++ } },
      now: time.now,
    })
    expect(await runner.runDueJobs()).toBe(0)
    time.set(later(60_000))
    expect(await runner.runDueJobs()).toBe(1)
    expect(ran).toBe(1)
  })

  test('a failing job is retried with growing delays, then marked failed with its last error', async () => {
    const name = uniqueName('flaky')
    const attempts: number[] = []
    const definitions: JobDefinitions = {
      [name]: {
        maxAttempts: 3,
        handler: async ({ attempt }) => {
          attempts.push(attempt)
          throw new Error(`boom ${attempt}`)
        },
      },
    }
    await enqueueJob(getDb(), { name, maxAttempts: 3 }, T0)
    const time = clock()
    const runner = new JobRunner({ db: getDb(), definitions, now: time.now, ...silent })
    expect(await runner.runDueJobs()).toBe(1)
    const [afterFirst] = await listJobs(getDb(), { name })
    expect(afterFirst).toMatchObject({ state: 'queued', runAt: later(10_000).toISOString(), lastError: 'boom 1' })
    time.set(later(9_999))
    expect(await runner.runDueJobs()).toBe(0)
    time.set(later(10_000))
    expect(await runner.runDueJobs()).toBe(1)
    expect((await listJobs(getDb(), { name }))[0]?.runAt).toBe(later(30_000).toISOString()) // then 20 s
    time.set(later(30_000))
    expect(await runner.runDueJobs()).toBe(1)
    expect(attempts).toEqual([1, 2, 3])
    expect((await listJobs(getDb(), { name }))[0]).toMatchObject({ state: 'failed', lastError: 'boom 3' })
    time.set(later(86_400_000))
    expect(await runner.runDueJobs()).toBe(0)
  })

  test('two runners on two connections share the work: 40 jobs, each run exactly once', async () => {
    const name = uniqueName('shared')
    const seen: string[] = []
    const definitions: JobDefinitions = {
      [name]: {
        handler: async ({ payload }) => {
          seen.push((payload as { key: string }).key)
          await new Promise((resolve) => setImmediate(resolve))
        },
      },
    }
    for (let i = 0; i < 40; i++) await enqueueJob(getDb(), { name, payload: { key: `job-${i}` } }, T0)
    const other = secondConnection()
    try {
      const a = new JobRunner({ db: getDb(), definitions, now: () => T0, runnerId: 'a' })
      const b = new JobRunner({ db: other, definitions, now: () => T0, runnerId: 'b' })
      const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()])
      expect(ranA + ranB).toBe(40)
      expect(new Set(seen).size).toBe(40)
      expect(seen).toHaveLength(40)
    } finally {
      await other.destroy()
    }
  })

  test('a job whose process was killed mid-run is finished by another runner once its lease lapses', async () => {
    const id = await enqueueJob(getDb(), { name: 'hang' })
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-child.ts', databaseFile()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
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
    expect((await listJobs(getDb(), { name: 'hang' }))[0]).toMatchObject({ state: 'running', attempts: 1 })

    let finished = 0
    const definitions: JobDefinitions = { hang: { handler: async () => void finished++ } }
    // While the dead runner's lease (60 s) holds, nobody takes the job; once it lapses, we do.
    const soon = new JobRunner({ db: getDb(), definitions, now: () => new Date() })
    expect(await soon.runDueJobs()).toBe(0)
    const afterLease = new JobRunner({ db: getDb(), definitions, now: () => new Date(Date.now() + 61_000) })
    expect(await afterLease.runDueJobs()).toBe(1)
    expect(finished).toBe(1)
    expect((await listJobs(getDb(), { name: 'hang' }))[0]).toMatchObject({ state: 'done', attempts: 2 })
  })

  test('a recurring job queues its next run when a run ends, and never two at once', async () => {
    const name = uniqueName('hourly')
    let runs = 0
    const definitions: JobDefinitions = { [name]: { everyMs: 3_600_000, handler: async () => void runs++ } }
    const time = clock()
    const runner = new JobRunner({ db: getDb(), definitions, now: time.now })
    await runner.scheduleRecurring(T0)
    await runner.scheduleRecurring(T0) // a second process starting: still one run queued
    expect(await listJobs(getDb(), { name })).toHaveLength(1)
    expect(await runner.runDueJobs()).toBe(1)
    expect(await runner.runDueJobs()).toBe(0)
    time.set(later(3_600_000))
    expect(await runner.runDueJobs()).toBe(1)
    expect(runs).toBe(2)
    expect((await listJobs(getDb(), { name })).map((j) => j.state)).toEqual(['done', 'done', 'queued'])
  })

  test('a long job keeps its lease with heartbeats; a runner that lost its lease cannot complete', async () => {
    const name = uniqueName('long')
    const time = clock()
    let beat: (() => Promise<void>) | undefined
    let release: () => void = () => {}
    const definitions: JobDefinitions = {
      [name]: {
        handler: async ({ heartbeat }) => {
          beat = heartbeat
          await new Promise<void>((resolve) => {
            release = resolve
          })
          await heartbeat()
        },
      },
    }
    await enqueueJob(getDb(), { name }, T0)
    const a = new JobRunner({ db: getDb(), definitions, now: time.now, leaseMs: 60_000, runnerId: 'a', ...silent })
    const running = a.runOne()
    await expect.poll(() => beat).toBeDefined()
    time.set(later(50_000))
    await beat?.() // lease now until T0 + 110 s
    // Without the heartbeat the lease would have lapsed at 60 s; renewed, it holds at 100 s.
    time.set(later(100_000))
    const other = new JobRunner({
      db: getDb(),
      definitions: { [name]: { handler: async () => {} } },
      now: time.now,
      runnerId: 'b',
    })
    expect(await other.runOne()).toBe(false)
    // Past the renewed lease another runner takes it; the first runner's next heartbeat fails.
    time.set(later(111_000))
    const c = new JobRunner({
      db: getDb(),
      definitions: { [name]: { handler: async () => {} } },
      now: time.now,
      runnerId: 'c',
    })
    expect(await c.runOne()).toBe(true)
    release()
    await running
    const [job] = await listJobs(getDb(), { name })
    expect(job).toMatchObject({ state: 'done' })
  })
})
