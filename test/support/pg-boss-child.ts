import { createPgPool } from '#app/db.server.ts'
import { PgBossRunner } from '#app/jobs/pg-boss-runner.server.ts'

/**
 * A second instance for the pg-boss tests: works `hang` jobs from the PostgreSQL database in
 * argv[2] with a 2 s timeout, says "claimed <id>" on stdout, and never finishes (the test kills
 * this process).
 */
const pool = createPgPool({ url: process.argv[2] as string, poolSize: 2 })
const runner = new PgBossRunner({
  pool,
  timeoutSeconds: 2,
  definitions: {
    hang: {
      handler: async ({ id }) => {
        process.stdout.write(`claimed ${id}\n`)
        await new Promise(() => {})
      },
    },
  },
})
await runner.start()
