import { closeDb, getDb } from '#app/db.server.ts'
import { JobRunner } from '#app/jobs/job-runner.server.ts'
import {
  enqueueReassessmentIfStale,
  listStaleAssessmentIds,
  REASSESSMENT_JOB,
  reassessAssessments,
  reassessmentJob,
} from '#app/responses/reassessment.server.ts'

/**
 * Another server process, for the re-assessment tests: on the test's database (DATABASE_URL, which
 * it inherits: a SQLite file or a PostgreSQL database) it runs the re-assessment in batches of 2,
 * as argv[2] says:
 * - `job`: queues the job as a starting server does, runs due jobs from the job table (SQLite's
 *   runner), prints "ran N" and exits;
 * - `direct`: lists the work, prints "listed N", waits for a line on stdin, then re-assesses that
 *   list itself, outside any job (two at once must still not both do a response), prints
 *   "reassessed N" and exits (either dialect);
 * - `hang`: like `job`, but in the middle of its second batch (one response re-assessed, not
 *   committed) prints "mid-batch" and waits forever: the test kills it with SIGKILL.
 */
const mode = process.argv[2] as 'job' | 'direct' | 'hang'
const db = getDb()

if (mode === 'direct') {
  // Lists the work, says so, and waits for a line on stdin: the test starts two runs holding the same list.
  const ids = await listStaleAssessmentIds(db)
  process.stdout.write(`listed ${ids.length}\n`)
  await new Promise((resolve) => process.stdin.once('data', resolve))
  process.stdin.destroy()
  const { reassessed } = await reassessAssessments(db, ids, { batchSize: 2 })
  process.stdout.write(`reassessed ${reassessed}\n`)
} else {
  let assessed = 0
  const runner = new JobRunner({
    db,
    runnerId: `child-${process.pid}`,
    leaseMs: 60_000,
    definitions: {
      [REASSESSMENT_JOB]: reassessmentJob({
        db: () => db,
        batchSize: 2,
        onAssessed: async () => {
          assessed++
          if (mode === 'hang' && assessed === 3) {
            process.stdout.write('mid-batch\n')
            // Keeps the process (and its open transaction) alive until the test kills it.
            setInterval(() => {}, 60_000)
            await new Promise(() => {})
          }
        },
      }) as never,
    },
  })
  await enqueueReassessmentIfStale(db)
  process.stdout.write(`ran ${await runner.runDueJobs()}\n`)
}
await closeDb()
