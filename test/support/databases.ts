import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import { dialectOf } from '#app/db/dialect.ts'
import type { Database } from '#db/schema.ts'

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

/**
 * Runs `run` while every insert into `table` matching `when` (SQL both dialects read, over `new.`)
 * fails inside the database, as a database refusing a write would; the trigger is removed after.
 */
export async function whileInsertsFail(
  db: Kysely<Database>,
  { table, when }: { table: string; when: string },
  run: () => Promise<void>,
): Promise<void> {
  const postgres = dialectOf(db) === 'postgres'
  if (postgres) {
    await sql
      .raw(
        `create function test_fails() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$;
         create trigger test_fails before insert on ${table} for each row when (${when}) execute function test_fails();`,
      )
      .execute(db)
  } else {
    await sql
      .raw(`create trigger test_fails before insert on ${table} when ${when} begin select raise(abort, 'refused'); end`)
      .execute(db)
  }
  try {
    await run()
  } finally {
    await sql.raw(postgres ? 'drop function test_fails() cascade' : 'drop trigger test_fails').execute(db)
  }
}
