import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { checkDatabaseConnection, closeDb, getDb, migrateToLatest } from '../db.server.ts'
import { type Env, getEnv, getPdfEnv, type TrustProxy } from '../env.server.ts'
import { startJobs, stopJobs } from '../jobs/jobs.server.ts'
import { closePdfPool, warmUpPdfPool } from '../reports/pdf/pdf-pool.server.ts'

/**
 * Start-up and shut-down of the server process. These run inside the server build (exported
 * from entry.server.tsx), so the process has exactly one database module and one connection.
 */

type StartupReport = {
  mode: 'development' | 'production' | 'test'
  port: number
  appUrl: string | undefined
  trustProxy: TrustProxy
  appliedMigrations: string[]
  /** Printed on start while the demo admin exists (never in production). */
  demoLogin: { email: string; password: string } | undefined
}

/**
 * Seeds the demo organisation into an empty database and returns its login while the demo admin
 * exists. The demo seed (`db/seed.ts`, with its public password) is not part of the server build:
 * the serving script passes it in, so a production bundle cannot contain it.
 */
type SeedDemo = (db: Kysely<Database>, origin: string) => Promise<{ email: string; password: string } | undefined>

/**
 * Validates the configuration, applies pending migrations and, outside production, runs the demo
 * seed it is given. Throws ConfigError, DatabaseUnavailableError or MigrationFailedError (each names
 * what is wrong, on one line for the database) so the
 * caller can print it and exit non-zero.
 */
export async function prepareServer({
  seedDemo,
  jobs = true,
}: {
  seedDemo?: SeedDemo
  /** False for `npm run bench:web`'s server, which measures requests: the job runner is not started. */
  jobs?: boolean
} = {}): Promise<StartupReport> {
  const env = getEnv()
  getPdfEnv() // a bad PDF_WORKERS or PDF_TIMEOUT_MS stops start too, not the first download
  await checkDatabaseConnection()
  const db = getDb()
  const appliedMigrations = await migrateToLatest(db)
  const origin = env.publicUrl
  if (jobs) await startJobs({ origin })
  // PDF workers load their fonts at start, not on a manager's first download (tests start them on demand).
  if (env.mode !== 'test') warmUpPdfPool()
  if (env.mode === 'production') {
    return { ...reportOf(env), appliedMigrations, demoLogin: undefined }
  }
  const demo = await seedDemo?.(db, origin)
  const demoLogin = demo ? { email: demo.email, password: demo.password } : undefined
  return { ...reportOf(env), appliedMigrations, demoLogin }
}

function reportOf(env: Env) {
  return { mode: env.mode, port: env.port, appUrl: env.appUrl, trustProxy: env.trustProxy }
}

/** Releases what the app holds (job runner, PDF workers, database connection), so SIGTERM ends the process at once. */
export async function shutdownServer(): Promise<void> {
  await stopJobs()
  await closePdfPool()
  await closeDb()
}
