import { Kysely, SqliteDialect } from 'kysely'
import { JobRunner } from '#app/jobs/job-runner.server.ts'
import type { Database } from '#db/schema.ts'
import { openSqliteHandle } from '#db/sqlite-handle.ts'

/**
 * A second process for the jobs tests: takes the next due `hang` job from the database file in
 * argv[2], says "claimed <id>" on stdout, and never finishes it (the test kills this process).
 */
const file = process.argv[2] as string
const sqlite = openSqliteHandle(file)
sqlite.pragma('busy_timeout = 5000')
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
const runner = new JobRunner({
  db,
  runnerId: 'child',
  leaseMs: 60_000,
  definitions: {
    hang: {
      handler: async ({ id }) => {
        process.stdout.write(`claimed ${id}\n`)
        await new Promise(() => {})
      },
    },
  },
})
await runner.runOne()
