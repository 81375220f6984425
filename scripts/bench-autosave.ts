import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { benchDatabase, databaseBackendPids, runBothDialects } from './bench-database.ts'
import { cpuMsSince, cpuSnapshot } from './process-cpu.ts'

/**
 * `npm run bench:autosave`: the production build under 50 concurrent simulated vendors, each saving
 * one answer every 200 ms for 60 s through POST /v/answers, then every stored answer is checked
 * against what the vendor last saved. Last line, one JSON object:
 * {"concurrency":50,"p50Ms":…,"p95Ms":…,"p99Ms":…,"errors":…,"lostWrites":…}
 * A warm-up of BENCH_WARMUP_SECONDS (default 15) runs the same load unmeasured first: the production
 * server compiles its code and warms its PDF workers (two sample reports each) when it starts, and
 * that start-up work is not what this measures. Every save of the warm-up is still checked for
 * lost writes.
 * Options: BENCH_SECONDS (default 60), BENCH_VENDORS (default 50), BENCH_WARMUP_SECONDS,
 * BENCH_INSTANCES (default 1: with 2, two server processes on the one database, each save sent to
 * the next one in turn as a round-robin load balancer would), DATABASE_URL=postgres://… (a database
 * of its own on that server, dropped after) and BENCH_DIALECTS=both (SQLite then PostgreSQL, back to
 * back: scripts/bench-database.ts). The JSON also carries `instances` and `loadGeneratorCpuPct`, the
 * CPU this process (the simulated vendors) took during the measured run, in % of one core, and the
 * CPU per save of the app's server processes (`appCpuMsPerSave`) and, on PostgreSQL, of the
 * database server's processes (`dbCpuMsPerSave`: every backend of the run's database, read from
 * /proc): the figures that move least with the machine's load.
 * Run `npm run build` first.
 */
const VENDORS = Number(process.env.BENCH_VENDORS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 15)
const INTERVAL_MS = 200
// Always-visible questions of the core questionnaire, with a valid value for save n.
const QUESTIONS: Array<{ id: string; value: (vendor: number, n: number) => unknown }> = [
  { id: 'company.legalName', value: (v, n) => `Vendor ${v} Ltd (save ${n})` },
  { id: 'company.ownershipDetails', value: (v, n) => `Owned by founders of vendor ${v}; revision ${n}` },
  { id: 'incident.notificationHours', value: (_v, n) => 1 + (n % 72) },
  { id: 'destruction.daysAfterTermination', value: (_v, n) => n % 90 },
  { id: 'handling.mfaForAllAccess', value: (_v, n) => n % 2 === 0 },
]

if (await runBothDialects('scripts/bench-autosave.ts')) process.exit(0)
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1)
const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-bench-'))
const database = await benchDatabase(dir)
process.env.DATABASE_URL = database.url
process.env.NODE_ENV = 'production'
process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789-0123456789'
// Production requires the public URL that emailed links point to; the bench sends no email.
process.env.APP_URL ??= 'http://localhost'

// The data: one organisation, one engagement, 50 invitations with known links. Written through the
// app's own modules, before the server starts.
const { getDb, closeDb, migrateToLatest } = await import('../app/db.server.ts')
const { createVendorLinks } = await import('./vendor-links.ts')
const db = getDb()
await migrateToLatest(db)
const tokens = await createVendorLinks(db, {
  count: VENDORS,
  name: 'Bench',
  profile: {
    homeCountry: 'US',
    industry: 'defense',
    dataCategories: ['itar-technical-data', 'cn-personal-information'],
    volumes: {},
    flags: {},
    purposes: [],
  },
})
await closeDb()

// The servers: the production build, as `npm start` runs it, on free ports (one after the other:
// each start runs the migrations, already applied above).
const servers = []
for (let i = 0; i < INSTANCES; i++) servers.push(await startServer())
const baseUrls = servers.map((server) => server.baseUrl)
let nextInstance = 0
/** The next instance in turn, as a round-robin load balancer sends requests. */
const pickBaseUrl = () => baseUrls[nextInstance++ % baseUrls.length] as string

async function startServer() {
  // A free port chosen here: the server prints APP_URL, not its port, once it listens.
  const port = await freePort()
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_ARGS?.split(' ') ?? []), '--import', 'tsx', 'scripts/serve.ts'],
    {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    let out = ''
    server.stdout.on('data', (chunk) => {
      out += chunk
      if (out.includes('Shoreline is running at')) resolve()
    })
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return { process: server, baseUrl: `http://127.0.0.1:${port}` }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const latencies: number[] = []
let errors = 0
type Sent = { value: unknown; version: number }
const lastSaved = new Map<string, Sent>()

async function vendor(index: number) {
  const { token, invitationId } = tokens[index]!
  const landing = await fetch(`${pickBaseUrl()}/v/${token}`, { redirect: 'manual' })
  const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const versions = new Map<string, number>()
  const measureFrom = Date.now() + WARMUP_SECONDS * 1000
  const end = measureFrom + SECONDS * 1000
  let n = 0
  while (Date.now() < end) {
    const started = performance.now()
    const question = QUESTIONS[n % QUESTIONS.length]!
    const questionId = question.id
    const value = question.value(index, n)
    const baseUrl = pickBaseUrl()
    try {
      const response = await fetch(`${baseUrl}/v/answers`, {
        method: 'POST',
        headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ questionId, value, baseVersion: versions.get(questionId) ?? 0 }),
      })
      const body = (await response.json()) as { version?: number }
      if (response.status === 200 && body.version) {
        versions.set(questionId, body.version)
        lastSaved.set(`${invitationId}|${questionId}`, { value, version: body.version })
      } else {
        errors++
        if (errors <= 3) console.error(`save failed: ${response.status} ${JSON.stringify(body)}`)
      }
    } catch {
      errors++
    }
    if (Date.now() >= measureFrom) latencies.push(performance.now() - started)
    n++
    const wait = INTERVAL_MS - (performance.now() - started)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
}

// The CPU over the measured run (after the warm-up): the load generator's own, the servers', and
// on PostgreSQL the database's backends (the pool's connections live through the run).
const serverPids = servers.map(({ process: server }) => server.pid ?? 0)
const databasePids = () => databaseBackendPids(database.url)
let cpuAtMeasureStart: NodeJS.CpuUsage | undefined
let serversAtMeasureStart = new Map<number, number>()
let databaseAtMeasureStart = new Map<number, number>()
const measureTimer = setTimeout(async () => {
  cpuAtMeasureStart = process.cpuUsage()
  serversAtMeasureStart = cpuSnapshot(serverPids)
  databaseAtMeasureStart = cpuSnapshot(await databasePids())
}, WARMUP_SECONDS * 1000)
await Promise.all(Array.from({ length: VENDORS }, (_, i) => vendor(i)))
clearTimeout(measureTimer)
const cpu = process.cpuUsage(cpuAtMeasureStart)
const loadGeneratorCpuPct = Math.round(((cpu.user + cpu.system) / 1000 / (SECONDS * 1000)) * 100)
const serversCpuMs = cpuMsSince(serversAtMeasureStart, serverPids)
const databaseCpuMs = database.url.startsWith('postgres')
  ? cpuMsSince(databaseAtMeasureStart, await databasePids())
  : undefined
await Promise.all(
  servers.map(({ process: server }) => {
    const exited = new Promise((resolve) => server.on('exit', resolve))
    server.kill('SIGTERM')
    return exited
  }),
)

// Every answer the server said it saved must be stored, with that value and version.
const check = getDb()
const rows = await check
  .selectFrom('answer')
  .innerJoin('response', 'response.id', 'answer.response_id')
  .select(['response.invitation_id', 'answer.question_id', 'answer.value_json', 'answer.version'])
  .execute()
const stored = new Map(
  rows.map((r) => [
    `${r.invitation_id}|${r.question_id}`,
    { value: JSON.parse(r.value_json) as string, version: r.version },
  ]),
)
let lostWrites = 0
for (const [key, sent] of lastSaved) {
  const row = stored.get(key)
  if (!row || row.value !== sent.value || row.version !== sent.version) lostWrites++
}
await closeDb()
await database.drop()

latencies.sort((a, b) => a - b)
const pct = (p: number) =>
  Number((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1))
console.log(`saves: ${latencies.length}, answers checked: ${lastSaved.size}`)
console.log(
  JSON.stringify({
    concurrency: VENDORS,
    instances: INSTANCES,
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    errors,
    lostWrites,
    loadGeneratorCpuPct,
    appCpuMsPerSave: Number((serversCpuMs / Math.max(1, latencies.length)).toFixed(2)),
    dbCpuMsPerSave:
      databaseCpuMs === undefined ? null : Number((databaseCpuMs / Math.max(1, latencies.length)).toFixed(2)),
  }),
)
