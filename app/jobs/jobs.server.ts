import { getDb, getDialect, getPgPool } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import { sendDueReminders } from '../invitations/reminders.server.ts'
import { enqueueReassessmentIfStale, REASSESSMENT_JOB, reassessmentJob } from '../responses/reassessment.server.ts'
import { purgeDeadRows } from '../server/housekeeping.server.ts'
import type { JobDefinition, JobDefinitions } from './job.ts'
import { JobRunner } from './job-runner.server.ts'
import { PgBossRunner } from './pg-boss-runner.server.ts'

/**
 * The app's background jobs and the runner the server process starts. Every job is durable (a row
 * in the `job` table on SQLite, a pg-boss job on PostgreSQL), runs once across restarts, processes
 * and instances, and is safe to run again.
 */
export function appJobDefinitions({ origin }: { origin: string }): JobDefinitions {
  return {
    // Vendor reminders before and after the due date; each invitation is claimed before its email
    // goes out, so `npm run reminders` from cron may run beside it.
    'vendor-reminders': {
      everyMs: 60 * 60_000,
      handler: async () => {
        await sendDueReminders(getDb(), { origin })
      },
    },
    // Ended sessions, spent reset links and old throttle counters (only keeps the tables small).
    housekeeping: {
      everyMs: 60 * 60_000,
      handler: async () => {
        await purgeDeadRows()
      },
    },
    // Current assessments made under an older rules release or engine, re-assessed in batches
    // (queued at start when there are any; see responses/reassessment.server.ts).
    [REASSESSMENT_JOB]: reassessmentJob({ db: getDb }) as JobDefinition<never>,
  }
}

let runner: JobRunner | PgBossRunner | undefined

/** Starts this process's job runner; recurring jobs first run a few minutes after start. */
export async function startJobs({
  origin,
  firstRecurringAfterMs = 5 * 60_000,
}: {
  origin: string
  firstRecurringAfterMs?: number
}) {
  if (runner) return runner
  const definitions = appJobDefinitions({ origin })
  runner =
    getDialect() === 'postgres'
      ? new PgBossRunner({ pool: getPgPool(), definitions, timeoutSeconds: getEnv().jobTimeoutSeconds })
      : new JobRunner({ db: getDb(), definitions })
  await runner.scheduleRecurring(new Date(Date.now() + firstRecurringAfterMs))
  await enqueueReassessmentIfStale(getDb())
  await runner.start()
  return runner
}

/** Stops taking jobs and waits for the one in hand (shutdown). */
export async function stopJobs(): Promise<void> {
  const current = runner
  runner = undefined
  await current?.stop()
}
