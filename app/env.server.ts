import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

/**
 * The configuration, validated once at start. A bad value stops start with a message that names
 * the variable; nothing else in the app reads process.env.
 */

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/shoreline.sqlite'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int('must be a whole number from 1 to 100')
    .min(1, 'must be a whole number from 1 to 100')
    .max(100, 'must be a whole number from 1 to 100')
    .default(10),
  EVIDENCE_DIR: z.string().optional(),
  JOB_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds from 1 to 86400' })
    .int('must be a whole number of seconds from 1 to 86400')
    .min(1, 'must be a whole number of seconds from 1 to 86400')
    .max(86_400, 'must be a whole number of seconds from 1 to 86400')
    .default(900),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_URL: z
    .url('must be an absolute URL such as https://shoreline.example.com')
    .refine((value) => /^https?:/.test(value), 'must be an http or https URL')
    .optional(),
  SMTP_URL: z
    .url('must be a URL such as smtp://user:pass@mail.example.com:587')
    .refine((value) => /^smtps?:/.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  TRUST_PROXY: z.string().optional(),
})

/**
 * Which proxies may tell us the client's address through X-Forwarded-For (Express's `trust proxy`):
 * none (the default: the socket's address is the client), the number of proxy hops in front of the
 * server, or the proxies' addresses and subnets. "true" (trust every hop) is refused: any client
 * could then choose its own address and dodge, or aim, the throttles.
 */
export type TrustProxy = false | number | string[]

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function parseTrustProxy(value: string | undefined): { value: TrustProxy } | { error: string } {
  const text = value?.trim().toLowerCase()
  if (!text || text === 'false' || text === 'off' || text === '0') return { value: false }
  if (text === 'true')
    return { error: 'give the number of proxies in front of Shoreline (e.g. 1) or their addresses, not "true"' }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    return hops <= 10 ? { value: hops } : { error: 'at most 10 proxy hops' }
  }
  const entries = text.split(',').map((entry) => entry.trim())
  const bad = entries.find((entry) => !isProxyAddress(entry))
  if (bad !== undefined)
    return {
      error: `"${bad}" is not an IP address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
    }
  return { value: entries }
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)
}

/**
 * Where the data lives. SQLite (the default): a file, opened in this process. PostgreSQL: a server
 * that several app instances share, reached through a pool of `poolSize` connections; TLS as the
 * URL's `sslmode` (and `sslrootcert`) say, the way libpq reads them.
 */
export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; poolSize: number }

export type Env = {
  mode: 'development' | 'production' | 'test'
  port: number
  database: DatabaseConfig
  /**
   * Where evidence files are stored: EVIDENCE_DIR, else `evidence/` beside the SQLite file (or
   * `data/evidence` with PostgreSQL). Several instances must share it (a network volume).
   */
  evidenceDir: string
  /**
   * PostgreSQL (pg-boss): a job running longer than this is taken for lost (its instance died) and
   * run again. SQLite's runner renews a 60 s lease instead.
   */
  jobTimeoutSeconds: number
  sessionSecret: string
  /** APP_URL as configured (also accepted as a form origin); unset in development by default. */
  appUrl: string | undefined
  /**
   * The origin that links in emails point to: APP_URL, or http://localhost:PORT outside production.
   * Never the request's Host header, which whoever sends the request chooses.
   */
  publicUrl: string
  smtpUrl: string | undefined
  trustProxy: TrustProxy
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const DATA_DIR = path.resolve('data')

/** Parses an environment (process.env by default) into the app's configuration or throws a ConfigError. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(blankToUndefined(source))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const problems: string[] = []
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET)
    problems.push('SESSION_SECRET: required when NODE_ENV=production (32+ random characters)')
  if (env.NODE_ENV === 'production' && !env.APP_URL)
    problems.push('APP_URL: required when NODE_ENV=production (the public URL that emailed links point to)')
  const trustProxy = parseTrustProxy(env.TRUST_PROXY)
  if ('error' in trustProxy) problems.push(`TRUST_PROXY: ${trustProxy.error}`)
  const database = parseDatabaseUrl(env.DATABASE_URL, env.DATABASE_POOL_SIZE)
  if ('error' in database) problems.push(`DATABASE_URL: ${database.error}`)
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  return {
    mode: env.NODE_ENV,
    port: env.PORT,
    database: 'value' in database ? database.value : { dialect: 'sqlite', file: ':memory:' },
    jobTimeoutSeconds: env.JOB_TIMEOUT_SECONDS,
    evidenceDir: evidenceDirFor(env.EVIDENCE_DIR, 'value' in database ? database.value : undefined),
    sessionSecret: env.SESSION_SECRET ?? developmentSessionSecret(),
    appUrl: env.APP_URL,
    publicUrl: env.APP_URL ? new URL(env.APP_URL).origin : `http://localhost:${env.PORT}`,
    smtpUrl: env.SMTP_URL,
    trustProxy: 'value' in trustProxy ? trustProxy.value : false,
  }
}

let cached: Env | undefined

/** The validated configuration of this process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

function blankToUndefined(source: Record<string, string | undefined>) {
  const keys = Object.keys(EnvSchema.shape) as Array<keyof typeof EnvSchema.shape>
  return Object.fromEntries(keys.map((key) => [key, source[key] === '' ? undefined : source[key]]))
}

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify']

/**
 * A database URL as DATABASE_URL takes it (for scripts given another one, like db:copy); throws a
 * ConfigError naming `name` when it is not one.
 */
export function databaseConfigFrom(url: string, name = 'DATABASE_URL', poolSize = 10): DatabaseConfig {
  const parsed = parseDatabaseUrl(url, poolSize)
  if ('error' in parsed) throw new ConfigError(`${name}: ${parsed.error}`)
  return parsed.value
}

/** A SQLite file (`file:` optional) or a `postgres://` URL; any other scheme is refused. */
function parseDatabaseUrl(url: string, poolSize: number): { value: DatabaseConfig } | { error: string } {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return { error: 'not a valid URL (postgres://user:password@host:5432/database)' }
    }
    if (!parsed.hostname) return { error: 'names no host (postgres://user:password@host:5432/database)' }
    if (parsed.pathname.length <= 1) return { error: 'names no database (postgres://user:password@host:5432/database)' }
    const sslmode = parsed.searchParams.get('sslmode')
    if (sslmode !== null && !SSL_MODES.includes(sslmode))
      return { error: `sslmode "${sslmode}" is not one of ${SSL_MODES.join(', ')}` }
    return { value: { dialect: 'postgres', url, poolSize } }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    return { error: 'expected a SQLite file (file:./data/shoreline.sqlite) or a postgres:// URL' }
  if (url === ':memory:') return { value: { dialect: 'sqlite', file: url } }
  return { value: { dialect: 'sqlite', file: path.resolve(url.replace(/^file:/, '')) } }
}

function evidenceDirFor(configured: string | undefined, database: DatabaseConfig | undefined): string {
  if (configured) return path.resolve(configured)
  if (database?.dialect === 'sqlite' && database.file !== ':memory:')
    return path.join(path.dirname(database.file), 'evidence')
  return path.join(DATA_DIR, 'evidence')
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.password) return url
    parsed.password = '***'
    return parsed.toString()
  } catch {
    // Not a URL: hide everything between the first ':' after the scheme and the last '@'.
    return url.replace(/^([a-z]+:\/\/[^:/@]*:).*@/i, '$1***@')
  }
}

// In development the secret is generated once and kept under data/ (git-ignored), so sessions
// survive restarts without anyone having to configure anything.
function developmentSessionSecret(): string {
  const file = path.join(DATA_DIR, 'session-secret')
  try {
    const existing = readFileSync(file, 'utf8').trim()
    if (existing.length >= 32) return existing
  } catch {
    // not created yet
  }
  mkdirSync(DATA_DIR, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  try {
    // 'wx': when two processes start at once, the first writer wins and the other reads its secret
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    return secret
  } catch {
    return readFileSync(file, 'utf8').trim()
  }
}

// --- PDF rendering: app/reports/pdf/pdf-pool.server.ts reads these through getPdfEnv() ----------

const PdfEnvSchema = z.object({
  PDF_WORKERS: z.coerce
    .number({ error: 'must be a whole number from 1 to 8' })
    .int('must be a whole number from 1 to 8')
    .min(1, 'must be a whole number from 1 to 8')
    .max(8, 'must be a whole number from 1 to 8')
    .optional(),
  PDF_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1, 'must be a whole number of milliseconds')
    .default(30_000),
})

/** How many worker threads render PDFs (unset: the pool decides from the cores), and a render's time limit. */
export type PdfEnv = { workers: number | undefined; timeoutMs: number }

/** Like parseEnv: a bad value is a ConfigError naming the variable. */
export function parsePdfEnv(source: Record<string, string | undefined>): PdfEnv {
  const parsed = PdfEnvSchema.safeParse({
    PDF_WORKERS: source.PDF_WORKERS || undefined,
    PDF_TIMEOUT_MS: source.PDF_TIMEOUT_MS || undefined,
  })
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const { PDF_WORKERS, PDF_TIMEOUT_MS } = parsed.data
  return { workers: PDF_WORKERS, timeoutMs: PDF_TIMEOUT_MS }
}

let cachedPdf: PdfEnv | undefined

export function getPdfEnv(): PdfEnv {
  cachedPdf ??= parsePdfEnv(process.env)
  return cachedPdf
}
