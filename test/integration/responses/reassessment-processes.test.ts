import { type ChildProcess, spawn } from 'node:child_process'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { RULES_VERSION } from '#app/assessment/version.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { JobRunner } from '#app/jobs/job-runner.server.ts'
import { listJobs } from '#app/jobs/queries.server.ts'
import { REASSESSMENT_JOB, reassessmentJob } from '#app/responses/reassessment.server.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { assessmentsOf, OLD_STAMP, staleVendor, verdictChangeEvents } from '#test/support/stale-assessments.ts'

/**
 * The background re-assessment across processes: real child processes on this test's SQLite file
 * (test/support/reassessment-child.ts), batches of 2, killed with SIGKILL in the middle of a batch.
 */

type Vendor = Awaited<ReturnType<typeof staleVendor>>

beforeAll(async () => {
  await migrateToLatest(getDb())
})

beforeEach(async () => {
  // Each test starts from no job and no stale assessment (earlier tests' are current by now).
  await getDb().deleteFrom('job').where('name', '=', REASSESSMENT_JOB).execute()
})

/** Five submitted vendors assessed by rules 2026.11; the three in sanctioned countries change verdict. */
async function fiveStaleVendors(): Promise<{ vendors: Vendor[]; changing: Vendor[] }> {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const vendors: Vendor[] = []
  for (const [company, hqCountry] of [
    ['Tehran Health Data', 'IR'],
    ['Pune Records', 'IN'],
    ['Havana Coding', 'CU'],
    ['Manila Coding', 'PH'],
    ['Pyongyang Data', 'KP'],
  ] as const) {
    vendors.push(await staleVendor(org.organisationId, engagementId, { company, hqCountry }))
  }
  return { vendors, changing: [vendors[0]!, vendors[2]!, vendors[4]!] }
}

type Child = { process: ChildProcess; printed: (line: RegExp) => Promise<string> }

/** A child process and a way to wait until its stdout (all of it so far) shows a line. */
function child(mode: 'job' | 'direct' | 'hang'): Child {
  const process = spawn(
    globalThis.process.execPath,
    ['--import', 'tsx', 'test/support/reassessment-child.ts', getEnv().databaseFile, mode],
    { stdio: [mode === 'direct' ? 'pipe' : 'ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  let closed = false
  const waiting = new Set<() => void>()
  process.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    for (const check of waiting) check()
  })
  // 'close' comes after the last stdout data ('exit' may come before it).
  process.once('close', () => {
    closed = true
    for (const check of waiting) check()
  })
  const printed = (line: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = line.exec(out)
        if (match) {
          waiting.delete(check)
          resolve(match[0])
        } else if (closed) {
          waiting.delete(check)
          reject(new Error(`closed without ${line}: ${out}`))
        }
      }
      waiting.add(check)
      check()
    })
  return { process, printed }
}

/** Every vendor re-assessed exactly once, the old assessment kept; one audit event per changed verdict. */
async function expectEachReassessedOnce({ vendors, changing }: { vendors: Vendor[]; changing: Vendor[] }) {
  for (const vendor of vendors) {
    const rows = await assessmentsOf(vendor.responseId)
    expect(rows.map((r) => [r.id === vendor.oldAssessmentId, r.is_current, r.rules_version])).toEqual([
      [true, 0, OLD_STAMP.rules],
      [false, 1, RULES_VERSION],
    ])
  }
  const ids = new Set(vendors.map((v) => v.invitationId))
  const events = (await verdictChangeEvents()).filter((e) => ids.has(e.detail.invitationId as string))
  expect(events.map((e) => e.detail.invitationId).sort()).toEqual(changing.map((v) => v.invitationId).sort())
}

describe('background re-assessment across processes', () => {
  test('two servers starting at once: every assessment re-assessed once', async () => {
    const world = await fiveStaleVendors()
    const [a, b] = [child('job'), child('job')]
    const outputs = await Promise.all([a.printed(/ran \d+/), b.printed(/ran \d+/)])
    // The job is a singleton per release: while one process has it, the other finds it queued or
    // taken and runs nothing (it could queue another only once the first is done, finding no work).
    expect(outputs.map((out) => Number(/ran (\d+)/.exec(out)?.[1])).reduce((x, y) => x + y)).toBeGreaterThanOrEqual(1)
    const jobs = await listJobs(getDb(), { name: REASSESSMENT_JOB })
    expect(jobs.map((job) => job.state)).toContain('done')
    expect(jobs.every((job) => job.state === 'done')).toBe(true)
    await expectEachReassessedOnce(world)
  }, 120_000)

  test('two runs at once outside the job (a lease taken over while its holder still runs): still once', async () => {
    const world = await fiveStaleVendors()
    const [a, b] = [child('direct'), child('direct')]
    // Both hold the same list of five before either starts.
    expect(await Promise.all([a.printed(/listed \d+/), b.printed(/listed \d+/)])).toEqual(['listed 5', 'listed 5'])
    a.process.stdin?.write('go\n')
    b.process.stdin?.write('go\n')
    const outputs = await Promise.all([a.printed(/reassessed \d+/), b.printed(/reassessed \d+/)])
    // Each batch claims its assessments first; what one run claimed, the other skips.
    expect(outputs.map((out) => Number(/reassessed (\d+)/.exec(out)?.[1])).reduce((x, y) => x + y)).toBe(5)
    await expectEachReassessedOnce(world)
  }, 120_000)

  test('a server killed with SIGKILL mid-batch: its batch rolls back, and the next runner continues from there', async () => {
    const world = await fiveStaleVendors()
    const hanging = child('hang')
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
