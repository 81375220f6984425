import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { enqueueJob } from '#app/jobs/job-runner.server.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { type ServeProcess, startServeProcess, stopAllServeProcesses } from '#test/support/serve-process.ts'
import { createVendorLinks } from '../../../scripts/vendor-links.ts'

// Two real server processes (`npm run serve`, as a deployment runs them) on one PostgreSQL
// database, the way two instances run behind a load balancer: whatever one instance did, the other
// must know (sessions, answers, jobs), because nothing that must be shared lives in a process.
// (Throttles across two instances: test/integration/auth/throttles.test.ts, on PostgreSQL too
// under `npm run test:pg`.)

const DEMO = { email: 'admin@demo.shoreline.test', password: 'shoreline-demo' }

let a: ServeProcess
let b: ServeProcess

beforeAll(async () => {
  // Both instances use this test file's own database; the first to start migrates and seeds it.
  await migrateToLatest(getDb())
  // One after the other: outside production each start seeds the demo into an empty database, and
  // two seeds racing collide on its ids (production seeds nothing).
  a = await startServeProcess(process.env.DATABASE_URL as string)
  b = await startServeProcess(process.env.DATABASE_URL as string)
}, 240_000)

afterAll(async () => {
  await stopAllServeProcesses()
})

/**
 * The same browser (one cookie jar) as the load balancer sends it to instance A or B. (Each
 * instance here has its own address, and forms carry it as their Origin; behind a real load
 * balancer both share APP_URL.)
 */
function browser() {
  const onA = new BrowserClient(a.baseUrl)
  const on = (instance: ServeProcess) =>
    instance === a ? onA : withCookiesOf(onA, new BrowserClient(instance.baseUrl))
  return { onA, on }
}

/** A client for another instance that sends `from`'s cookies. */
function withCookiesOf(from: BrowserClient, to: BrowserClient) {
  return {
    get: (path: string) => to.get(path, { cookie: from.cookieHeader() }),
    post: (path: string, form: Record<string, string>) => to.post(path, form, { cookie: from.cookieHeader() }),
  }
}

describe('two instances on one PostgreSQL database', () => {
  test('logged in on A, the buyer acts on B; logged out on A, B refuses the same cookie', async () => {
    const { onA, on } = browser()
    expect((await onA.post('/login', DEMO)).status).toBe(302)
    const page = await on(b).get('/app/engagements')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Keystone Avionics')
    // An admin's write on B, checked in the database both share.
    const invited = await on(b).post('/app/team', {
      intent: 'invite',
      email: 'new.analyst@meridian.test',
      role: 'member',
    })
    expect(invited.status).toBe(200)
    const rows = await getDb()
      .selectFrom('teammate_invitation')
      .select('email')
      .where('email', '=', 'new.analyst@meridian.test')
      .execute()
    expect(rows).toHaveLength(1)

    expect((await onA.post('/logout', {})).status).toBe(302)
    const after = await on(b).get('/app/engagements')
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toMatch(/^\/login/)
  })

  test('racing autosaves sent to A and B keep the version check: one 200, one 409, nothing lost', async () => {
    const [link] = await createVendorLinks(getDb(), { count: 1, name: 'Racing vendor' })
    const landing = await fetch(`${a.baseUrl}/v/${link?.token}`, { redirect: 'manual' })
    const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0] as string
    const save = (instance: ServeProcess, value: string, baseVersion: number) =>
      fetch(`${instance.baseUrl}/v/answers`, {
        method: 'POST',
        headers: { cookie, origin: instance.baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ questionId: 'company.legalName', value, baseVersion }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { version?: number; currentValue?: unknown; currentVersion?: number },
        value,
      }))
    let version = 0
    for (let round = 1; round <= 20; round++) {
      const results = await Promise.all([save(a, `A ${round}`, version), save(b, `B ${round}`, version)])
      const saved = results.filter((result) => result.status === 200)
      const refused = results.filter((result) => result.status === 409)
      expect(saved, `round ${round}`).toHaveLength(1)
      expect(refused, `round ${round}`).toHaveLength(1)
      // The loser is told what the winner stored, at the version the winner got.
      expect(refused[0]?.body).toMatchObject({ currentValue: saved[0]?.value, currentVersion: version + 1 })
      version = saved[0]?.body.version as number
      const stored = await getDb()
        .selectFrom('answer')
        .innerJoin('response', 'response.id', 'answer.response_id')
        .select(['answer.value_json', 'answer.version'])
        .where('response.invitation_id', '=', link?.invitationId as string)
        .where('answer.question_id', '=', 'company.legalName')
        .executeTakeFirstOrThrow()
      expect(stored).toEqual({ value_json: JSON.stringify(saved[0]?.value), version })
    }
  })

  test('autosaves to two engagements, sent to A and B in opposite orders, all commit (no deadlock between batches)', async () => {
    // Each instance commits the saves that reach it together (GroupCommit), and every save moves its
    // engagement's revision (a row lock until commit). A's batch here holds saves for engagement 1
    // then 2, B's for 2 then 1: without one lock order they wait on each other and PostgreSQL kills one.
    type Vendor = { cookie: string; version: number }
    const vendorsOf = async (name: string): Promise<Vendor[]> =>
      Promise.all(
        (await createVendorLinks(getDb(), { count: 4, name })).map(async (link) => {
          const landing = await fetch(`${a.baseUrl}/v/${link.token}`, { redirect: 'manual' })
          return { cookie: (landing.headers.get('set-cookie') ?? '').split(';')[0] as string, version: 0 }
        }),
      )
    const one = await vendorsOf('Engagement one')
    const two = await vendorsOf('Engagement two')
    const save = async (instance: ServeProcess, vendor: Vendor | undefined, value: string) => {
      if (!vendor) throw new Error('no vendor')
      const response = await fetch(`${instance.baseUrl}/v/answers`, {
        method: 'POST',
        headers: { cookie: vendor.cookie, origin: instance.baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ questionId: 'company.legalName', value, baseVersion: vendor.version }),
      })
      const body = (await response.json()) as { version?: number }
      if (response.status === 200) vendor.version = body.version as number
      return response.status
    }
    const rounds = 15
    for (let round = 1; round <= rounds; round++) {
      const statuses = await Promise.all([
        save(a, one[0], `one ${round}`),
        save(a, two[0], `two ${round}`),
        save(a, one[1], `one ${round}`),
        save(a, two[1], `two ${round}`),
        save(b, two[2], `two ${round}`),
        save(b, one[2], `one ${round}`),
        save(b, two[3], `two ${round}`),
        save(b, one[3], `one ${round}`),
      ])
      expect(statuses, `round ${round}`).toEqual(Array(8).fill(200))
    }
    // Every vendor's last save is stored, at the version it was told.
    const stored = await getDb()
      .selectFrom('answer')
      .select(['value_json', 'version'])
      .where('question_id', '=', 'company.legalName')
      .where('value_json', 'in', [`"one ${rounds}"`, `"two ${rounds}"`])
      .execute()
    expect(stored).toEqual(Array(8).fill({ value_json: expect.any(String), version: rounds }))
  })

  test('a reminder is sent once with both instances working the queue', async () => {
    const [link] = await createVendorLinks(getDb(), { count: 1, name: 'Reminded vendor' })
    const invitationId = link?.invitationId as string
    const dueSoon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    await getDb()
      .updateTable('engagement')
      .set({ due_date: dueSoon })
      .where('id', '=', (eb) => eb.selectFrom('invitation').select('engagement_id').where('id', '=', invitationId))
      .execute()
    // Two runs of the reminders job queued at once (as two instances' schedules would): both
    // instances poll the queue; each run goes to one of them, and the invitation is claimed once.
    const ids = [
      await enqueueJob(getDb(), { name: 'vendor-reminders', singletonKey: 'first' }),
      await enqueueJob(getDb(), { name: 'vendor-reminders', singletonKey: 'second' }),
    ]
    const states = () =>
      sql<{ state: string }>`select state from pgboss.job where id = any(${ids}::uuid[])`
        .execute(getDb())
        .then(({ rows }) => rows.map((row) => row.state).sort())
    await expect.poll(states, { timeout: 30_000, interval: 200 }).toEqual(['completed', 'completed'])
    const reminders = await getDb()
      .selectFrom('outbound_email')
      .select('kind')
      .where('invitation_id', '=', invitationId)
      .where('kind', 'like', 'vendor-reminder-%')
      .execute()
    expect(reminders).toEqual([{ kind: 'vendor-reminder-due-soon' }])
  })
})
