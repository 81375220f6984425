import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { ENGINE_VERSION, RULES_VERSION } from '#app/assessment/version.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { JobRunner } from '#app/jobs/job-runner.server.ts'
import { listJobs } from '#app/jobs/queries.server.ts'
import { REASSESSMENT_JOB, reassessmentJob } from '#app/responses/reassessment.server.ts'
import { expectEachReassessedOnce, fiveStaleVendors, reassessmentChild } from '#test/support/reassessment-processes.ts'
import { assessmentsOf } from '#test/support/stale-assessments.ts'

/**
 * The background re-assessment across processes: real child processes on this test's SQLite file
 * (test/support/reassessment-child.ts), batches of 2, killed with SIGKILL in the middle of a batch.
 * SQLite only, as the job table's runner is (vitest.config.ts): on PostgreSQL pg-boss takes over a
 * dead instance's job, tested in test/integration/postgres/; the claim that keeps two runs from
 * both re-assessing a response is tested on both dialects in reassessment-claim.test.ts.
 */

beforeAll(async () => {
  await migrateToLatest(getDb())
})

beforeEach(async () => {
  // Each test starts from no job and no stale assessment (earlier tests' are current by now).
  await getDb().deleteFrom('job').where('name', '=', REASSESSMENT_JOB).execute()
})

describe('background re-assessment across processes', () => {
  test('two servers starting at once: every assessment re-assessed once', async () => {
    const world = await fiveStaleVendors()
    const [a, b] = [reassessmentChild('job'), reassessmentChild('job')]
    const outputs = await Promise.all([a.printed(/ran \d+/), b.printed(/ran \d+/)])
    // The job is a singleton per release: while one process has it, the other finds it queued or
    // taken and runs nothing (it could queue another only once the first is done, finding no work).
    expect(outputs.map((out) => Number(/ran (\d+)/.exec(out)?.[1])).reduce((x, y) => x + y)).toBeGreaterThanOrEqual(1)
    const jobs = await listJobs(getDb(), { name: REASSESSMENT_JOB })
    expect(jobs.map((job) => job.state)).toContain('done')
    expect(jobs[0]).toMatchObject({ singletonKey: `${ENGINE_VERSION}+${RULES_VERSION}`, attempts: 1 })
    expect(jobs.every((job) => job.state === 'done')).toBe(true)
    await expectEachReassessedOnce(world)
  }, 120_000)

  test('a server killed with SIGKILL mid-batch: its batch rolls back, and the next runner continues from there', async () => {
    const world = await fiveStaleVendors()
    const hanging = reassessmentChild('hang')
    await hanging.printed(/mid-batch/)
    const exited = new Promise((resolve) => hanging.process.once('exit', resolve))
    hanging.process.kill('SIGKILL')
    await exited

    // The first batch (2) committed; the second was in the middle of its transaction: nothing of it stays.
    const counts = await Promise.all(world.vendors.map(async (v) => (await assessmentsOf(v.responseId)).length))
    expect(counts.sort()).toEqual([1, 1, 1, 2, 2])
    expect((await listJobs(getDb(), { name: REASSESSMENT_JOB }))[0]).toMatchObject({ state: 'running', attempts: 1 })

    // Another runner (here: this process, once the dead one's 60 s lease has lapsed) takes the job over.
    const runner = new JobRunner({
      db: getDb(),
      definitions: { [REASSESSMENT_JOB]: reassessmentJob({ db: getDb, batchSize: 2 }) as never },
      now: () => new Date(Date.now() + 61_000),
    })
    expect(await runner.runDueJobs()).toBe(1)
    expect((await listJobs(getDb(), { name: REASSESSMENT_JOB }))[0]).toMatchObject({ state: 'done', attempts: 2 })
    await expectEachReassessedOnce(world)
  }, 120_000)
})
