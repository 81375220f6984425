import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/**
 * A fresh, empty database for a test file or a spawned server: a SQLite file in a temporary folder,
 * or, when TEST_DATABASE_URL names a PostgreSQL server (`npm run test:pg`), a new database on it
 * (each its own, so test files running in parallel never share rows). `drop()` removes it.
 */
export type TestDatabase = { url: string; dialect: 'sqlite' | 'postgres'; drop: () => Promise<void> }

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite'
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL
  if (!server) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-db-'))
    return {
      url: path.join(dir, 'test.sqlite'),
      dialect: 'sqlite',
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const name = `shoreline_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await onServer(server, `create database ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    dialect: 'postgres',
    // WITH (FORCE) ends connections a killed server process left behind.
    drop: () => onServer(server, `drop database if exists ${name} with (force)`),
  }
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
