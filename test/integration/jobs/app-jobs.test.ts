import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { JobRunner } from '#app/jobs/job-runner.server.ts'
import { appJobDefinitions } from '#app/jobs/jobs.server.ts'
import { listJobs } from '#app/jobs/queries.server.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

test('the server queues its hourly reminders and housekeeping as durable jobs, once however often it starts', async () => {
  const queued = await listJobs(getDb(), { name: 'vendor-reminders' })
  expect(queued).toHaveLength(1)
  expect(queued[0]).toMatchObject({ state: 'queued', singletonKey: 'recurring' })
  // A due run sends what is due and queues the next one an hour after it ends.
  const at = new Date(Date.parse(queued[0]!.runAt) + 1)
  const runner = new JobRunner({
    db: getDb(),
    definitions: appJobDefinitions({ origin: server.baseUrl }),
    now: () => at,
  })
  await runner.scheduleRecurring(at)
  // reminders, housekeeping, remediation reminders, acceptance lapses, review invitations, certificates
  expect(await runner.runDueJobs()).toBe(6)
  const after = await listJobs(getDb(), { name: 'vendor-reminders' })
  expect(after.map((j) => j.state)).toEqual(['done', 'queued'])
  expect(after[1]?.runAt).toBe(new Date(at.getTime() + 3_600_000).toISOString())
  expect((await listJobs(getDb(), { name: 'housekeeping' })).map((j) => j.state)).toEqual(['done', 'queued'])
})
