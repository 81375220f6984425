import { getDb, getDialect, getPgPool } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import { sendDueReminders } from '../invitations/reminders.server.ts'
import { recordLapsedAcceptances, sendOverdueRemediationReminders } from '../remediation/reminders.server.ts'
import { sendCertificateNotices, sendDueReviewInvitations } from '../review/reviews.server.ts'
import { purgeDeadRows } from '../server/housekeeping.server.ts'
import {
  SUBMISSION_COPY_JOB,
  type SubmissionCopyPayload,
  sendSubmissionCopy,
} from '../vendor-portal/submission-copy.server.ts'
import type { JobContext, JobDefinitions } from './job.ts'
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
    // Remediation items past their due date become overdue; the vendor is reminded at most once a
    // day (each request is claimed before its email).
    'remediation-reminders': {
      everyMs: 60 * 60_000,
      handler: async () => {
        await sendOverdueRemediationReminders(getDb(), { origin })
      },
    },
    // Risk acceptances past their end date are recorded (and audited) as lapsed.
    'risk-acceptance-lapses': {
      everyMs: 60 * 60_000,
      handler: async () => {
        await recordLapsedAcceptances(getDb())
      },
    },
    // Vendors due for their periodic review are asked to confirm or update their answers; one
    // claimed row per vendor and due date.
    'review-invitations': {
      everyMs: 60 * 60_000,
      handler: async () => {
        await sendDueReviewInvitations(getDb(), { origin })
      },
    },
    // Certificates ending in 60, 30 and 7 days are announced; the day after the last valid day the
    // vendor is re-assessed and managers are told what changed. One claimed row per notice.
    'certificate-expiry': {
      everyMs: 60 * 60_000,
      handler: async () => {
        await sendCertificateNotices(getDb(), { origin })
      },
    },
    // A vendor's confirmation with the PDF of its submitted answers (app/vendor-portal/).
    [SUBMISSION_COPY_JOB]: {
      handler: async ({ payload }: JobContext<SubmissionCopyPayload>) => {
        await sendSubmissionCopy(getDb(), payload)
      },
    },
    // Ended sessions, spent reset links and old throttle counters (only keeps the tables small).
    housekeeping: {
      everyMs: 60 * 60_000,
      handler: async () => {
        await purgeDeadRows()
      },
    },
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
  await runner.start()
  return runner
}

/** Stops taking jobs and waits for the one in hand (shutdown). */
export async function stopJobs(): Promise<void> {
  const current = runner
  runner = undefined
  await current?.stop()
}
