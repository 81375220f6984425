import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'

/**
 * The database a benchmark runs on, and running a benchmark on both dialects in one invocation.
 * - DATABASE_URL unset or a SQLite path: a new SQLite file in the bench's temporary folder.
 * - DATABASE_URL=postgres://…: a new database (`shoreline_bench_…`) created on that server for this
 *   run and dropped after it, so the server's other databases are never touched. The URL's user
 *   must be allowed to create databases (a throwaway cluster: `eval "$(bash scripts/pg-cluster.sh
 *   start)"`, then DATABASE_URL=$TEST_DATABASE_URL).
 * - BENCH_DIALECTS=both with a postgres:// DATABASE_URL: the whole benchmark on SQLite, then
 *   again on PostgreSQL, back to back; the last line merges both JSON objects, the PostgreSQL
 *   figures under the same keys prefixed `pg` (p95Ms → pgP95Ms).
 */
export async function benchDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL
  if (!server?.startsWith('postgres://') && !server?.startsWith('postgresql://'))
    return { url: path.join(dir, 'bench.sqlite'), drop: async () => {} }
  const name = `shoreline_bench_${process.pid}_${randomBytes(3).toString('hex')}`
  await onServer(server, `create database ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => onServer(server, `drop database if exists ${name} with (force)`) }
}

/**
 * The PostgreSQL backends serving the database at `url` (none for SQLite), other than the one that
 * asks: benchmarks read their CPU from /proc (scripts/process-cpu.ts).
 */
export async function databaseBackendPids(url: string): Promise<number[]> {
  if (!url.startsWith('postgres')) return []
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    )
    return rows.map((row) => row.pid)
  } finally {
    await client.end()
  }
}

async function onServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * With BENCH_DIALECTS=both, runs this script again as a child once per dialect (SQLite first) and
 * prints the merged last line; returns true when it did, and the caller stops there.
 */
export async function runBothDialects(script: string): Promise<boolean> {
  if (process.env.BENCH_DIALECTS !== 'both') return false
  const pgUrl = process.env.DATABASE_URL
  if (!pgUrl?.startsWith('postgres')) throw new Error('BENCH_DIALECTS=both needs DATABASE_URL=postgres://…')
  const sqlite = await runChild(script, { DATABASE_URL: '' })
  const postgres = await runChild(script, { DATABASE_URL: pgUrl })
  const prefixed = Object.fromEntries(
    Object.entries(postgres).map(([key, value]) => [`pg${key[0]?.toUpperCase()}${key.slice(1)}`, value]),
  )
  console.log(JSON.stringify({ ...sqlite, ...prefixed }))
  return true
}

async function runChild(script: string, env: Record<string, string>): Promise<Record<string, unknown>> {
  console.log(`--- ${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} ---`)
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, BENCH_DIALECTS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let last = ''
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    const lines = chunk.toString().trim().split('\n')
    last = lines.at(-1) ?? last
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`${script} exited with ${code}`)
  return JSON.parse(last) as Record<string, unknown>
}
