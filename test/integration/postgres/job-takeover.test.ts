import net from 'node:net'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { enqueueJob } from '#app/jobs/job-runner.server.ts'
import { startServeProcess, stopAllServeProcesses, stopServeProcess } from '#test/support/serve-process.ts'
import { createVendorLinks } from '../../../scripts/vendor-links.ts'

// Two real server processes (`npm run serve`) on one PostgreSQL database: instance A takes the
// reminders job and is killed in the middle of it; instance B finishes it. A job counts as lost
// after JOB_TIMEOUT_SECONDS (3 s here, for this file's jobs and both instances; 15 min by default).
process.env.JOB_TIMEOUT_SECONDS = '3'

/** An SMTP server that accepts connections and never answers: a send through it hangs. */
const stalled = net.createServer(() => {})
beforeAll(async () => {
  await migrateToLatest(getDb())
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  await stopAllServeProcesses()
  await new Promise((resolve) => stalled.close(resolve))
})

test('a job whose instance is killed mid-run is finished by the other instance', async () => {
  const links = await createVendorLinks(getDb(), { count: 2, name: 'Takeover' })
  const invitationIds = links.map((link) => link.invitationId)
  const dueSoon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
  await getDb()
    .updateTable('engagement')
    .set({ due_date: dueSoon })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('invitation')
        .select('engagement_id')
        .where('id', '=', invitationIds[0] as string),
    )
    .execute()
  const port = (stalled.address() as net.AddressInfo).port
  const a = await startServeProcess(process.env.DATABASE_URL as string, {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    JOB_TIMEOUT_SECONDS: '3',
  })
  const id = await enqueueJob(getDb(), { name: 'vendor-reminders', singletonKey: 'takeover' })
  const job = () =>
    sql<{ state: string; retry_count: number }>`select state, retry_count from pgboss.job where id = ${id}::uuid`
      .execute(getDb())
      .then(({ rows }) => rows[0])
  const reminders = () =>
    getDb()
      .selectFrom('outbound_email')
      .select(['invitation_id', 'status'])
      .where('invitation_id', 'in', invitationIds)
      .where('kind', 'like', 'vendor-reminder-%')
      .execute()
  // A (the only instance running) took the job and hangs sending the first reminder.
  await expect
    .poll(reminders, { timeout: 30_000, interval: 200 })
    .toEqual([expect.objectContaining({ status: 'queued' })])
  expect(await job()).toMatchObject({ state: 'active', retry_count: 0 })
  await stopServeProcess(a, 'SIGKILL')

  // B (its emails go to the outbox) takes the job over once A's attempt times out, and finishes it.
  await startServeProcess(process.env.DATABASE_URL as string, { SMTP_URL: '', JOB_TIMEOUT_SECONDS: '3' })
  await expect.poll(job, { timeout: 60_000, interval: 500 }).toMatchObject({ state: 'completed', retry_count: 1 })
  // The reminder A never reached was sent by B, once.
  const sent = await reminders()
  const hungOn = sent.find((row) => row.status === 'queued')?.invitation_id
  expect(sent.filter((row) => row.invitation_id !== hungOn)).toEqual([
    { invitation_id: invitationIds.find((invitationId) => invitationId !== hungOn), status: 'outbox' },
  ])
}, 300_000)
