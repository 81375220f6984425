import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { checkIntegrity } from '../app/db/queries.server.ts'
import { getDb, migrateToLatest } from '../app/db.server.ts'
import { createVendorLinks } from './vendor-links.ts'

/**
 * The crash drill (`npm run drill:crash`, and its short version in the test suite): vendors
 * autosave against the production server (scripts/serve.ts, the built app) while the server is
 * killed with SIGKILL at random moments and started again on the same database. Every save the
 * server answered 200 must then be in the database with its version (or have been overtaken by a
 * later save of the same vendor, which a kill may have cut off before its answer arrived), and
 * the database's integrity check must say `ok` (app/db/queries.server.ts).
 */

export type DrillResult = { kills: number; acknowledged: number; lost: number; integrity: string }

// Always-visible questions of the core questionnaire, with a valid value for save n.
const QUESTIONS: Array<{ id: string; value: (vendor: number, n: number) => unknown }> = [
  { id: 'company.legalName', value: (v, n) => `Vendor ${v} Ltd (save ${n})` },
  { id: 'company.ownershipDetails', value: (v, n) => `Owned by the founders of vendor ${v}; revision ${n}` },
  { id: 'incident.notificationHours', value: (_v, n) => 1 + (n % 72) },
  { id: 'destruction.daysAfterTermination', value: (_v, n) => n % 90 },
]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no free port')
  return address.port
}

/** The production server on `port`, resolved once it listens. */
function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk) => {
      out += chunk
      if (out.includes('Shoreline is running at')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)))
  })
}

function killed(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

export async function runCrashDrill({
  kills,
  vendors,
  seconds,
  databaseFile,
}: {
  kills: number
  vendors: number
  seconds: number
  /** DATABASE_URL of the servers: a SQLite file or a PostgreSQL URL. */
  databaseFile: string
}): Promise<DrillResult> {
  await migrateToLatest(getDb())
  const links = await createVendorLinks(getDb(), { count: vendors, name: 'Crash drill' })
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env = {
    ...process.env,
    DATABASE_URL: databaseFile,
    PORT: String(port),
    APP_URL: baseUrl,
    NODE_ENV: 'production' as const,
    SESSION_SECRET: process.env.SESSION_SECRET ?? 'crash-drill-session-secret-0123456789-0123456789',
  }
  let server = await startServer(env)
  let up = true
  let done = false

  // Each kill comes at a random moment of its share of the run, counted while the server is up (a
  // restart takes seconds on a busy machine, and vendors should be saving when it dies); the saves
  // go on for a last share after the last restart.
  const share = (seconds * 1000) / (kills + 1)
  const killer = (async () => {
    for (let k = 0; k < kills; k++) {
      await sleep(share * (0.2 + Math.random() * 0.8))
      up = false
      await killed(server)
      server = await startServer(env)
      up = true
    }
    await sleep(share)
    done = true
  })()

  let acknowledged = 0
  const lastAcknowledged = new Map<string, { value: unknown; version: number }>()

  async function vendor(index: number) {
    const { token, invitationId } = links[index] as { token: string; invitationId: string }
    let cookie = ''
    while (!cookie && !done) {
      const landing = await fetch(`${baseUrl}/v/${token}`, { redirect: 'manual' }).catch(() => undefined)
      cookie = (landing?.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      if (!cookie) await sleep(100)
    }
    const versions = new Map<string, number>()
    for (let n = 0; !done; n++) {
      if (!up) {
        await sleep(50)
        continue
      }
      const question = QUESTIONS[n % QUESTIONS.length] as (typeof QUESTIONS)[number]
      const key = `${invitationId}|${question.id}`
      const value = question.value(index, n)
      try {
        const response = await fetch(`${baseUrl}/v/answers`, {
          method: 'POST',
          headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
          body: JSON.stringify({ questionId: question.id, value, baseVersion: versions.get(question.id) ?? 0 }),
          signal: AbortSignal.timeout(10_000),
        })
        const body = (await response.json()) as { version?: number; currentVersion?: number }
        if (response.status === 200 && body.version) {
          acknowledged++
          versions.set(question.id, body.version)
          lastAcknowledged.set(key, { value, version: body.version })
        } else if (response.status === 409 && body.currentVersion !== undefined) {
          // A save whose answer a kill cut off did commit: continue from the stored version.
          versions.set(question.id, body.currentVersion)
        }
      } catch {
        await sleep(50) // the server is down or restarting
      }
      await sleep(20 + Math.random() * 80)
    }
  }

  await Promise.all([killer, ...links.map((_, i) => vendor(i))])
  server.kill('SIGTERM')
  await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)))

  const db = getDb()
  const rows = await db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['response.invitation_id', 'answer.question_id', 'answer.value_json', 'answer.version'])
    .where(
      'response.invitation_id',
      'in',
      links.map((link) => link.invitationId),
    )
    .execute()
  const stored = new Map(
    rows.map((r) => [`${r.invitation_id}|${r.question_id}`, { value: JSON.parse(r.value_json), version: r.version }]),
  )
  let lost = 0
  for (const [key, saved] of lastAcknowledged) {
    const row = stored.get(key)
    const same = row && row.version === saved.version && JSON.stringify(row.value) === JSON.stringify(saved.value)
    // Overtaken: only this vendor writes this answer and versions grow by one from the stored one,
    // so a higher version is a later save of its own that committed (its answer cut off by a kill).
    const overtaken = row !== undefined && row.version > saved.version
    if (!same && !overtaken) lost++
  }
  const integrity = await checkIntegrity(db)
  return { kills, acknowledged, lost, integrity }
}
