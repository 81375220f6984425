import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { mulberry32 } from '../app/assessment/generate-answers.ts'
import {
  type DashboardParams,
  DECISION_FILTERS,
  dashboardSearch,
  PAGE_SIZE,
  parseDashboardParams,
  SORT_KEYS,
} from '../app/dashboard/dashboard-params.ts'
import { LOCATION_CLASSES } from '../app/geography/location-class.ts'
import { VERDICTS } from '../app/vocabulary/verdict.ts'
import { benchDatabase, databaseBackendPids, runBothDialects } from './bench-database.ts'
import type { BenchReply, BenchRequest } from './bench-web-server.ts'
import { cpuMsSince, cpuSnapshot } from './process-cpu.ts'

/**
 * `npm run bench:web`: the production build on loopback with a generated engagement of 2,000
 * submitted, assessed vendors. Measures, in one run against one server:
 * - /healthz and the dashboard (the engagement's vendors tab, default view: 50 vendors sorted by
 *   score) with autocannon, 10 connections each; dashboardVsHealthz = dashboard req/s ÷ /healthz req/s;
 *   and, for scale, the engagement's audit tab (the same layouts around a small page);
 * - the comparison of 6 vendors, the same way;
 * - the vendor report PDF of a vendor whose report is about 20 pages: median of sequential renders,
 *   the server's event-loop delay p99 while 10 render at once, and its RSS growth over 100 renders
 *   after a warm-up (after GC: the server runs with --expose-gc);
 * - last, the manager's first look: the dashboard with a different sort, filter or page on every
 *   request (dashboardFirstLookP95Ms), and the default view's size (dashboardPageKiB, 50 rows);
 * - after all of it, the prepared statements the server keeps (keptStatements, from /healthz; SQLite
 *   only, README decision 85): the memory that keeping every statement costs grows with it.
 * Each load also reports the server's main-thread CPU time per response (dashboardCpuMs and
 * dashboardFirstLookCpuMs for the two dashboard loads): no goal, but the figure that stays put when
 * other work shares the machine, so the one to compare two versions by. On PostgreSQL the first look
 * also reports the database's CPU per response (dashboardFirstLookDbCpuMs: its backends for this
 * database, from /proc), which shares the machine's two cores with the server.
 * The server is a child process (scripts/bench-web-server.ts) so load generation does not share its
 * event loop; it reports its own event-loop delay and RSS over IPC. A route that answers 404 (not
 * built yet) gives null figures and a message, never made-up numbers. Last line, one JSON object:
 * {"vendors":2000,"dashboardP95Ms":…,"dashboardVsHealthz":…,"dashboardFirstLookP95Ms":…,"dashboardPageKiB":…,
 *  "dashboardCpuMs":…,"dashboardFirstLookCpuMs":…,"dashboardFirstLookDbCpuMs":…,"compareP95Ms":…,"pdfMedianMs":…,"pdfEventLoopP99Ms":…,
 *  "pdfRssGrowthMb":…,"keptStatements":…}
 * Options: BENCH_SECONDS (per autocannon run, default 15), BENCH_VENDORS (vendors in the one generated
 * engagement, default 2000; e.g. BENCH_VENDORS=20000 npm run bench:web), BENCH_PDF_RENDERS (for the
 * RSS figure, default 100), BENCH_SERVER_ARGS (flags for the server's Node, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`), DATABASE_URL=postgres://… (a database of its own on that
 * server, dropped after) and BENCH_DIALECTS=both (SQLite then PostgreSQL back to back, PostgreSQL's
 * figures under `pg`-prefixed keys: scripts/bench-database.ts), BENCH_SAVE_PAGE=FILE (keeps the
 * dashboard's default page there). Run `npm run build` first (the script does).
 */
const VENDORS = Number(process.env.BENCH_VENDORS ?? 2000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15)
const PDF_RENDERS = Number(process.env.BENCH_PDF_RENDERS ?? 100)
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean)
// BENCH_ONLY=first-look: the first-look load alone, its warm-up included (the other figures null),
// e.g. to profile it with BENCH_SERVER_ARGS.
const ONLY_FIRST_LOOK = process.env.BENCH_ONLY === 'first-look'
const CONNECTIONS = 10
const TARGET_PDF_PAGES = 20
const NO_PDF = { medianMs: null, eventLoopP99Ms: null, rssGrowthMb: null }

if (await runBothDialects('scripts/bench-web.ts')) process.exit(0)
const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-bench-web-'))
const database = await benchDatabase(dir)
const onPostgres = database.url.startsWith('postgres')
process.env.DATABASE_URL = database.url
process.env.NODE_ENV = 'production'
process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789-0123456789'
// Production requires the public URL that emailed links point to; the bench sends no email.
process.env.APP_URL ??= 'http://localhost'
const notes: string[] = []
const log = (line: string) => console.log(line)

// The data, through the app's own modules, before the server starts.
const { getDb, closeDb, migrateToLatest } = await import('../app/db.server.ts')
const { createOrganisationWithAdmin } = await import('../app/auth/accounts.server.ts')
const { hashPassword } = await import('../app/auth/password.server.ts')
const { generateEngagement } = await import('./generate-engagement.ts')
const login = { email: 'bench@example.com', password: 'bench-password-0123' }
const db = getDb()
await migrateToLatest(db)
const passwordHash = await hashPassword(login.password)
const { organisationId, userId } = await db
  .transaction()
  .execute((trx) =>
    createOrganisationWithAdmin(trx, { organisationName: 'Bench Org', name: 'Bench', ...login, passwordHash }),
  )
const started = performance.now()
const { engagementId, longReportInvitationId } = await generateEngagement(db, {
  organisationId,
  userId,
  vendors: VENDORS,
})
log(`generated ${VENDORS} submitted, assessed vendors in ${((performance.now() - started) / 1000).toFixed(1)} s`)
// PostgreSQL: the statistics and visibility map that autovacuum keeps for a database in use. Right
// after a bulk load they are missing for a minute or so (until autovacuum's next round), and the
// planner, counting every index entry as a random heap read, sorts whole tables instead.
if (onPostgres) await sql`vacuum (analyze)`.execute(db)
// Six vendors to compare (different verdicts), and report candidates: the longest assessments.
const compareIds = await pickCompareIds()
const reportCandidates: Array<{ id: string; blocker_count: number; condition_count: number }> = await db
  .selectFrom('assessment')
  .innerJoin('response', 'response.id', 'assessment.response_id')
  .select(['response.invitation_id as id', 'assessment.blocker_count', 'assessment.condition_count'])
  .where('assessment.is_current', '=', 1)
  .orderBy(sqlLength('assessment.result_json'), 'desc')
  .limit(12)
  .execute()
// The generator's long-report vendor first, then the longest assessments.
if (longReportInvitationId)
  reportCandidates.unshift({ id: longReportInvitationId, blocker_count: 0, condition_count: 0 })
const firstLookViews = await listFirstLookViews()
await closeDb()

const server = await startServer()
const base = `http://127.0.0.1:${server.port}`
try {
  const cookie = await logIn()
  const headers = { cookie }
  const dashboardUrl = `${base}/app/engagements/${engagementId}`
  const compareUrl = `${base}/app/engagements/${engagementId}/compare?${compareIds.map((id) => `v=${id}`).join('&')}`

  // Warm-up: JIT, page cache, prepared statements.
  for (let i = 0; i < 20; i++) {
    await fetch(`${base}/healthz`).then((r) => r.arrayBuffer())
    await fetch(dashboardUrl, { headers }).then((r) => r.arrayBuffer())
    await fetch(`${dashboardUrl}/audit`, { headers }).then((r) => r.arrayBuffer())
  }
  const dashboardCheck = await fetch(dashboardUrl, { headers })
  const dashboardHtml = await dashboardCheck.text()
  if (dashboardCheck.status !== 200 || !dashboardHtml.includes(`of ${VENDORS.toLocaleString('en-GB')}`)) {
    throw new Error(`dashboard answered ${dashboardCheck.status} without "of ${VENDORS}"`)
  }
  const dashboardPageKiB = round(Buffer.byteLength(dashboardHtml) / 1024, 1)
  log(`dashboard page: ${dashboardPageKiB} KiB of HTML (default view, 50 rows)`)
  // BENCH_SAVE_PAGE=FILE keeps that page, to see what its bytes are.
  if (process.env.BENCH_SAVE_PAGE) writeFileSync(process.env.BENCH_SAVE_PAGE, dashboardHtml)

  const skipped = { rps: 0, p95: null, cpuMs: null, dbCpuMs: null }
  const healthz = ONLY_FIRST_LOOK ? skipped : await load('/healthz', `${base}/healthz`, {})
  const dashboard = ONLY_FIRST_LOOK ? skipped : await load('dashboard', dashboardUrl, headers)
  const dashboardVsHealthz = healthz.rps > 0 ? round(dashboard.rps / healthz.rps, 2) : null
  if (!ONLY_FIRST_LOOK) {
    // For scale, not a goal: the smallest page behind the same layouts (the engagement's audit tab).
    const audit = await load('audit tab (reference: same layouts, a small page)', `${dashboardUrl}/audit`, headers)
    log(`audit tab vs /healthz: ${healthz.rps > 0 ? round(audit.rps / healthz.rps, 2) : 'n/a'}`)
  }

  let compareP95Ms: number | null = null
  const compareCheck = ONLY_FIRST_LOOK ? undefined : await fetch(compareUrl, { headers })
  await compareCheck?.arrayBuffer()
  if (compareCheck?.status === 200) {
    for (let i = 0; i < 10; i++) await fetch(compareUrl, { headers }).then((r) => r.arrayBuffer())
    compareP95Ms = (await load('compare (6 vendors)', compareUrl, headers)).p95
  } else if (compareCheck) {
    notes.push(`compare page answered ${compareCheck.status}: not measured (the route is not on this branch yet)`)
  }

  // A render that fails (a 503 when the machine is too busy to render within PDF_TIMEOUT_MS) gives
  // null PDF figures and a note; the dashboard's figures that follow are still measured.
  const pdf = await (ONLY_FIRST_LOOK ? Promise.resolve(NO_PDF) : measurePdf(headers)).catch((error: unknown) => {
    notes.push(`report PDF not measured: ${error instanceof Error ? error.message : String(error)}`)
    return NO_PDF
  })

  // The manager's first look, run last so the other figures are measured as before. Every request
  // asks for a view (sort, direction, filters, page) that no earlier request asked for, in a seeded
  // random order, so no page is served from a cache of pages: what a view costs the first time.
  let nextView = 0
  const dashboardPath = new URL(dashboardUrl).pathname
  if (ONLY_FIRST_LOOK) {
    // Alone, the server has not run the page's code before: a warm-up of its own, on views taken
    // from the end of the list (the measured run takes them from the start).
    let warmView = 0
    await load(
      'warm-up (not a figure)',
      dashboardUrl,
      headers,
      {
        setupRequest: (request: { path: string }) => ({
          ...request,
          path: dashboardPath + firstLookViews[Math.max(0, firstLookViews.length - 1 - warmView++)],
        }),
      },
      Math.ceil(SECONDS / 2),
    )
  }
  const firstLook = await load(
    'dashboard first look (a different sort, filter or page each request)',
    dashboardUrl,
    headers,
    {
      setupRequest: (request: { path: string }) => ({
        ...request,
        path: dashboardPath + firstLookViews[nextView++ % firstLookViews.length],
      }),
    },
  )
  if (nextView > firstLookViews.length)
    notes.push(`the first-look run repeated views: ${nextView} requests, ${firstLookViews.length} views`)
  log(`dashboard first look vs /healthz: ${healthz.rps > 0 ? round(firstLook.rps / healthz.rps, 2) : 'n/a'}`)
  // What keeping every prepared statement (README decision 85) amounts to after all of the above.
  const health = (await (await fetch(`${base}/healthz`)).json()) as { database?: { keptStatements?: number } }
  const keptStatements = health.database?.keptStatements ?? null
  log(`prepared statements kept by the server: ${keptStatements ?? 'n/a (not SQLite)'}`)

  log(
    JSON.stringify({
      vendors: VENDORS,
      dashboardP95Ms: dashboard.p95,
      dashboardVsHealthz,
      dashboardFirstLookP95Ms: firstLook.p95,
      dashboardPageKiB,
      dashboardCpuMs: dashboard.cpuMs,
      dashboardFirstLookCpuMs: firstLook.cpuMs,
      dashboardFirstLookDbCpuMs: firstLook.dbCpuMs,
      compareP95Ms,
      pdfMedianMs: pdf.medianMs,
      pdfEventLoopP99Ms: pdf.eventLoopP99Ms,
      pdfRssGrowthMb: pdf.rssGrowthMb,
      keptStatements,
      ...(notes.length ? { notes } : {}),
    }),
  )
} finally {
  await server.stop()
  await database.drop()
  rmSync(dir, { recursive: true, force: true })
}

/** autocannon at 10 connections for SECONDS; p95 from every response's own latency. */
async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  request?: { setupRequest: (request: { path: string }) => { path: string } },
  seconds = SECONDS,
) {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const cpuBefore = (await server.ask('cpu')).cpuMs
  const dbBefore = cpuSnapshot(await databaseBackendPids(database.url))
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    timeout: 30,
    ...(request ? { requests: [request] } : {}),
  })
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime)
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1)
  })
  const result = await instance
  const cpuAfter = (await server.ask('cpu')).cpuMs
  const dbCpuMs = onPostgres
    ? round(cpuMsSince(dbBefore, await databaseBackendPids(database.url)) / Math.max(1, latencies.length), 1)
    : null
  const ok = statuses.get(200) ?? 0
  const rps = ok / result.duration
  const p95 = percentile(latencies, 95)
  // The server's main-thread CPU per response: what a request costs, whatever else the machine runs.
  const cpuMs =
    cpuBefore !== undefined && cpuAfter !== undefined && latencies.length > 0
      ? round((cpuAfter - cpuBefore) / latencies.length, 1)
      : null
  log(
    `${label}: ${rps.toFixed(0)} req/s (200s only), p50 ${percentile(latencies, 50)} ms, p95 ${p95} ms, p99 ${percentile(latencies, 99)} ms, ` +
      `server CPU ${cpuMs ?? 'n/a'} ms per response${dbCpuMs === null ? '' : ` (PostgreSQL's ${dbCpuMs} ms)`}, ` +
      `${latencies.length} responses, statuses ${JSON.stringify(Object.fromEntries(statuses))}, errors ${result.errors}`,
  )
  if (ok !== latencies.length || result.errors > 0)
    notes.push(`${label}: ${latencies.length - ok} non-200 responses, ${result.errors} errors`)
  return { rps, p95, cpuMs, dbCpuMs }
}

async function measurePdf(headers: Record<string, string>) {
  const pdfUrl = (id: string) => `${base}/app/engagements/${engagementId}/vendors/${id}/report.pdf`
  const first = reportCandidates[0]
  if (!first) return NO_PDF
  const probe = await fetch(pdfUrl(first.id), { headers })
  const probeBytes = Buffer.from(await probe.arrayBuffer())
  if (probe.status !== 200) {
    notes.push(`report PDF answered ${probe.status}: not measured (the route is not on this branch yet)`)
    return NO_PDF
  }
  // The candidate whose report is nearest 20 pages (the longest assessments first).
  let chosen = { id: first.id, pages: pageCount(probeBytes), bytes: probeBytes.length }
  for (const candidate of reportCandidates.slice(1)) {
    if (Math.abs(chosen.pages - TARGET_PDF_PAGES) <= 1) break
    const bytes = Buffer.from(await (await fetch(pdfUrl(candidate.id), { headers })).arrayBuffer())
    const pages = pageCount(bytes)
    if (Math.abs(pages - TARGET_PDF_PAGES) < Math.abs(chosen.pages - TARGET_PDF_PAGES)) {
      chosen = { id: candidate.id, pages, bytes: bytes.length }
    }
  }
  log(`report PDF: ${chosen.pages} pages, ${(chosen.bytes / 1024).toFixed(0)} KiB (vendor ${chosen.id})`)
  if (Math.abs(chosen.pages - TARGET_PDF_PAGES) > 3) {
    notes.push(`no generated vendor has a ~${TARGET_PDF_PAGES}-page report; measured a ${chosen.pages}-page one`)
  }
  const url = pdfUrl(chosen.id)
  const render = async () => {
    const t0 = performance.now()
    const response = await fetch(url, { headers })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`report PDF answered ${response.status}`)
    return performance.now() - t0
  }
  for (let i = 0; i < 3; i++) await render()
  const sequential: number[] = []
  for (let i = 0; i < 10; i++) sequential.push(await render())
  const medianMs = percentile(sequential, 50)

  await server.ask('loop-start')
  const t0 = performance.now()
  const concurrent = await Promise.all(Array.from({ length: 10 }, () => render()))
  const loop = await server.ask('loop-stop')
  log(
    `10 concurrent renders: all done in ${Math.round(performance.now() - t0)} ms (slowest ${Math.round(Math.max(...concurrent))} ms); ` +
      `server event-loop delay p99 ${round(loop.p99Ms ?? 0, 1)} ms, max ${round(loop.maxMs ?? 0, 1)} ms`,
  )

  // RSS: warm up with the same pattern as the measured run, batches of 10 at once, for 50 renders
  // (the pool replaces a worker after 50 renders, so before and after sit at the same point of the
  // workers' life), GC, then PDF_RENDERS renders in batches of 10, GC again.
  const batch = (size: number) => Promise.all(Array.from({ length: size }, () => render()))
  for (let i = 0; i < 5; i++) await batch(10)
  const before = (await server.ask('memory')).rssBytes ?? 0
  let peak = before
  for (let done = 0; done < PDF_RENDERS; done += 10) {
    await batch(Math.min(10, PDF_RENDERS - done))
    peak = Math.max(peak, (await server.ask('memory')).rssBytes ?? 0)
  }
  const after = (await server.ask('memory')).rssBytes ?? 0
  const rssGrowthMb = round((after - before) / 1024 / 1024, 1)
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0)
  log(
    `RSS over ${PDF_RENDERS} renders: ${mb(before)} MB → ${mb(after)} MB after GC (highest between batches ${mb(peak)} MB)`,
  )
  log(`sequential renders (ms): ${sequential.map((ms) => Math.round(ms)).join(', ')}`)
  return { medianMs, eventLoopP99Ms: round(loop.p99Ms ?? 0, 1), rssGrowthMb }
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
}

/**
 * Every view a manager could ask for first, once each, in a seeded random order: each sort key in
 * both directions, under no filter, each verdict, location and decision, each verdict with each
 * location, and searches for a place name (a tenth of the vendors each), on every page of each.
 */
async function listFirstLookViews(): Promise<string[]> {
  const { countDashboardVendors } = await import('../app/dashboard/dashboard.server.ts')
  const { params: defaults } = parseDashboardParams(new URLSearchParams())
  const filters: Array<Partial<DashboardParams>> = [
    {},
    ...VERDICTS.map((verdict) => ({ verdict })),
    ...LOCATION_CLASSES.map((location) => ({ location })),
    ...DECISION_FILTERS.map((decision) => ({ decision })),
    ...VERDICTS.flatMap((verdict) => LOCATION_CLASSES.map((location) => ({ verdict, location }))),
    ...['Lisbon', 'Manila', 'Pune', 'Dublin', 'Austin'].map((q) => ({ q })),
  ]
  const views: string[] = []
  for (const filter of filters) {
    const counts = await countDashboardVendors(db, {
      scope: { organisationId, engagementId },
      params: { ...defaults, ...filter },
    })
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    for (const sort of SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        for (let page = 1; page <= pages; page++) {
          views.push(dashboardSearch({ ...defaults, ...filter, sort, dir, page }) || '?')
        }
      }
    }
  }
  const random = mulberry32(20261202)
  for (let i = views.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[views[i], views[j]] = [views[j]!, views[i]!]
  }
  return views
}

async function pickCompareIds(): Promise<string[]> {
  const ids: string[] = []
  for (const verdict of ['approve', 'approve-with-conditions', 'reject'] as const) {
    const rows = await db
      .selectFrom('assessment')
      .innerJoin('response', 'response.id', 'assessment.response_id')
      .select('response.invitation_id as id')
      .where('assessment.is_current', '=', 1)
      .where('assessment.verdict', '=', verdict)
      .orderBy('assessment.score', 'desc')
      .limit(2)
      .execute()
    ids.push(...rows.map((r) => r.id))
  }
  return ids.slice(0, 6)
}

function sqlLength(column: 'assessment.result_json') {
  return db.fn<number>('length', [column])
}

async function logIn(): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(login).toString(),
  })
  if (response.status !== 302) throw new Error(`login failed: ${response.status}`)
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

async function startServer() {
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_ARGS, '--expose-gc', '--import', 'tsx', path.join('scripts', 'bench-web-server.ts')],
    { env: { ...process.env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  )
  let nextId = 1
  const waiting = new Map<number, (reply: BenchReply) => void>()
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (message: BenchReply | { type: 'ready'; port: number }) => {
      if ('type' in message) resolve(message.port)
      else waiting.get(message.id)?.(message)
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return {
    port,
    ask: (type: BenchRequest['type']) =>
      new Promise<BenchReply>((resolve) => {
        const id = nextId++
        waiting.set(id, resolve)
        child.send({ id, type } satisfies BenchRequest)
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve))
      child.send({ id: 0, type: 'stop' } satisfies BenchRequest)
      await exited
    },
  }
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0, 1)
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}
