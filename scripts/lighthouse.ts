import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Sqlite from 'better-sqlite3'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { DEMO_LOGIN } from '../db/seed.ts'

/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (its default mobile profile, simulated throttling) against
 * the production build serving the demo organisation, on Debian's Chromium (CHROME_PATH, default
 * /usr/bin/chromium). Six pages: home, login, the demo engagement's dashboard, a vendor report, the
 * engagement profile and a vendor's questionnaire section; each is measured RUNS times (default 3)
 * and the median of each score is kept. Progress goes to stderr; stdout gets ONE JSON line:
 * [{"name":"home","performance":95,"accessibility":100,"bestPractices":100}, …]
 * (scores 0-100; ../shared/DECISIONS.md). Not part of `npm test`: a measurement, slow (about 20 s a
 * run) and dependent on the machine's load, so say the load (`uptime`) beside any figure.
 * Options: LIGHTHOUSE_RUNS (default 3), LIGHTHOUSE_PAGES (comma-separated names, default all),
 * LIGHTHOUSE_JSON_DIR (also write each run's full report there, to read what costs the score).
 */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3)
const ONLY = (process.env.LIGHTHOUSE_PAGES ?? '').split(',').filter(Boolean)
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const REPORT_DIR = process.env.LIGHTHOUSE_JSON_DIR
const log = (line: string) => process.stderr.write(`${line}\n`)

type Page = { name: string; url: string; cookie?: string }
type Scores = { name: string; performance: number; accessibility: number; bestPractices: number }

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-lighthouse-'))
const databaseFile = path.join(dir, 'shoreline.sqlite')
const port = await freePort()
const base = `http://localhost:${port}`
const server = await startServer()
let chrome: chromeLauncher.LaunchedChrome | undefined
try {
  const pages = await demoPages()
  chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  })
  const results: Scores[] = []
  for (const page of pages) {
    if (ONLY.length && !ONLY.includes(page.name)) continue
    const runs: Scores[] = []
    for (let run = 1; run <= RUNS; run++) {
      const lhr = await audit(page, chrome.port)
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
      const scores = {
        name: page.name,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
      }
      if (REPORT_DIR) {
        const { writeFileSync } = await import('node:fs')
        writeFileSync(path.join(REPORT_DIR, `${page.name}-${run}.json`), JSON.stringify(lhr))
      }
      const shown = (id: string) => lhr.audits[id]?.displayValue ?? '?'
      log(
        `${page.name} run ${run}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices} (FCP ${shown('first-contentful-paint')}, LCP ${shown('largest-contentful-paint')}, TBT ${shown('total-blocking-time')}, CLS ${shown('cumulative-layout-shift')})`,
      )
      runs.push(scores)
    }
    results.push({
      name: page.name,
      performance: median(runs.map((r) => r.performance)),
      accessibility: median(runs.map((r) => r.accessibility)),
      bestPractices: median(runs.map((r) => r.bestPractices)),
    })
  }
  console.log(JSON.stringify(results))
} finally {
  await chrome?.kill()
  await stopServer(server)
  rmSync(dir, { recursive: true, force: true })
}

/**
 * One Lighthouse run of a page. A run whose trace failed (NO_NAVSTART and the like, which a busy
 * machine causes now and then) is repeated, twice at most; a page that ends elsewhere (signed out)
 * is an error, never a score.
 */
async function audit(page: Page, port: number) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(
      page.url,
      {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
      },
      undefined,
    )
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.name}`)
    const { lhr } = result
    if (lhr.runtimeError) {
      const problem = `${page.name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`
      if (attempt >= 3) throw new Error(problem)
      log(`${problem} (run repeated)`)
      continue
    }
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname)
      throw new Error(`${page.name}: ended on ${lhr.finalDisplayedUrl}, not ${page.url} (signed out?)`)
    return lhr
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2)
}

/** The six pages, found in the demo data: the buyer's pages with the admin's cookie, the section with a vendor's. */
async function demoPages(): Promise<Page[]> {
  const buyer = await cookieJar()
  const login = await buyer.post('/login', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password })
  if (login.status !== 302 && login.status !== 303) throw new Error(`demo login answered ${login.status}`)
  const database = new Sqlite(databaseFile, { readonly: true })
  try {
    // The demo engagement: the seed's first (oldest), with vendors in every state.
    const engagement = database.prepare('select id from engagement order by created_at asc, id asc limit 1').get() as {
      id: string
    }
    const submitted = database
      .prepare(
        "select id from invitation where engagement_id = ? and status = 'submitted' order by created_at asc, id asc limit 1",
      )
      .get(engagement.id) as { id: string }
    const email = database
      .prepare(
        "select o.text_body as body from outbound_email o join invitation i on i.contact_email = o.to_address where i.engagement_id = ? and i.status = 'in-progress' and o.kind = 'vendor-invitation' limit 1",
      )
      .get(engagement.id) as { body: string }
    const vendorPath = /\/v\/[A-Za-z0-9_-]+/.exec(email.body)?.[0]
    if (!vendorPath) throw new Error('no vendor link in the demo outbox')
    const vendor = await cookieJar()
    await vendor.get(vendorPath)
    const portal = await (await vendor.get('/v')).text()
    const section = /href="(\/v\/section\/[^"?#]+)"/.exec(portal)?.[1]
    if (!section) throw new Error('no section link on the vendor portal')
    const dashboard = `/app/engagements/${engagement.id}`
    return [
      { name: 'home', url: `${base}/` },
      { name: 'login', url: `${base}/login` },
      { name: 'dashboard', url: `${base}${dashboard}`, cookie: buyer.header() },
      { name: 'vendorReport', url: `${base}${dashboard}/vendors/${submitted.id}`, cookie: buyer.header() },
      { name: 'profile', url: `${base}${dashboard}/profile`, cookie: buyer.header() },
      { name: 'vendorSection', url: `${base}${section}`, cookie: vendor.header() },
    ]
  } finally {
    database.close()
  }
}

/** fetch with cookies kept and redirects not followed (each Set-Cookie is remembered). */
async function cookieJar() {
  const cookies = new Map<string, string>()
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';')
      const index = pair.indexOf('=')
      cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim())
    }
    return response
  }
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  return {
    header,
    get: async (pathname: string) =>
      remember(await fetch(new URL(pathname, base), { redirect: 'manual', headers: { cookie: header() } })),
    post: async (pathname: string, form: Record<string, string>) =>
      remember(
        await fetch(new URL(pathname, base), {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: header(), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        }),
      ),
  }
}

/** The production build (`npm run build`) served by scripts/serve.ts, which seeds the demo organisation. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: {
      ...process.env,
      // 'test': as development (the demo seed, no Secure cookie), the same client build.
      NODE_ENV: 'test',
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      APP_URL: '',
      SMTP_URL: '',
      SESSION_SECRET: 'lighthouse-session-secret-0123456789-0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk
      if (output.includes('Shoreline is running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before listening:\n${output}`))
    })
  })
  return child
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const found = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(found))
    })
  })
}
