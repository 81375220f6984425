import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { Assessment } from '../assessment/engine.ts'
import { ENGINE_VERSION, RULES_VERSION } from '../assessment/version.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import type { JobDefinition } from '../jobs/job.ts'
import { enqueueJob } from '../jobs/job-runner.server.ts'
import { nowIso } from '../utils/ids.ts'
import { assessResponse } from './assessments.server.ts'
import {
  claimCurrentAssessments,
  listCurrentAssessmentIdsStamped,
  listCurrentAssessmentStamps,
  listCurrentVerdictChangeEvents,
  listSubmittedResponseOwners,
} from './queries.server.ts'
import {
  describeVerdictChange,
  type EngineStamp,
  isOlderStamp,
  VERDICT_CHANGED_ACTION,
  type VerdictChange,
  verdictChange,
} from './reassessment.ts'

/**
 * Background re-assessment after a rules release (or a new engine). When the server starts with a
 * newer release than some current assessments were made with, it queues one durable job (a
 * singleton per engine and rules version); the job re-assesses every such assessment through the
 * one "assess and store" path (assessResponse), in batches of one transaction each, keeping the old
 * assessment as history and auditing every verdict that changed, with the rules that changed it.
 *
 * Resumable and never twice: what is left is read from the data (the current assessments still
 * stamped older), each batch claims its assessments inside its own transaction before assessing
 * them, and a killed run loses only its uncommitted batch, which the next run (after a restart, or
 * another process once the lease lapses) does again.
 */

export const REASSESSMENT_JOB = 'reassess-after-release'

const CURRENT: EngineStamp = { engine: ENGINE_VERSION, rules: RULES_VERSION }

/** The stamps of current assessments older than `current` (the work a release leaves). */
async function staleStamps(db: Kysely<Database>, current: EngineStamp): Promise<EngineStamp[]> {
  return (await listCurrentAssessmentStamps(db)).filter((stamp) => isOlderStamp(stamp, current))
}

/**
 * Queues the re-assessment when current assessments are older than this server's engine and rules;
 * a no-op when none are, or when the job for this release is already queued or running (another
 * process started first). Returns the job id when it queued one.
 */
export async function enqueueReassessmentIfStale(
  db: Kysely<Database>,
  { current = CURRENT, now = new Date() }: { current?: EngineStamp; now?: Date } = {},
): Promise<string | undefined> {
  if ((await staleStamps(db, current)).length === 0) return undefined
  return enqueueJob(
    db,
    { name: REASSESSMENT_JOB, payload: current, singletonKey: `${current.engine}+${current.rules}` },
    now,
  )
}

export type ReassessedResponse = { responseId: string; assessmentId: string; change: VerdictChange | undefined }

export type ReassessOptions = {
  /** Assessments per transaction (default 20): the server keeps answering between batches. */
  batchSize?: number
  /** The engine and rules this process runs (default: its own). */
  current?: EngineStamp
  /** The day assessments are made as of (default: today, UTC). */
  today?: () => string
  /** After each assessment, inside its batch's transaction (progress reporting). */
  onAssessed?: (done: ReassessedResponse) => void | Promise<void>
  /** After each committed batch (the job keeps its lease alive here). */
  onBatch?: () => Promise<void>
}

/**
 * Re-assesses every current assessment of a submitted response that is older than `current`, and
 * returns how many were re-assessed and how many verdicts changed.
 */
export async function reassessStaleAssessments(
  db: Kysely<Database>,
  options: ReassessOptions = {},
): Promise<{ reassessed: number; changed: number }> {
  return reassessAssessments(db, await listStaleAssessmentIds(db, options.current), options)
}

/** The current assessments of submitted responses older than `current`, oldest first (the work left). */
export async function listStaleAssessmentIds(db: Kysely<Database>, current: EngineStamp = CURRENT): Promise<string[]> {
  const ids: string[] = []
  for (const stamp of await staleStamps(db, current)) ids.push(...(await listCurrentAssessmentIdsStamped(db, stamp)))
  return ids
}

/**
 * Re-assesses the given assessments in batches, each claimed inside its own transaction: one that
 * is no longer current (another run replaced it since the list was read) or no longer older than
 * `current` is skipped, so two runs given the same list still re-assess each response once.
 */
export async function reassessAssessments(
  db: Kysely<Database>,
  ids: readonly string[],
  { batchSize = 20, current = CURRENT, today = () => nowIso().slice(0, 10), onAssessed, onBatch }: ReassessOptions = {},
): Promise<{ reassessed: number; changed: number }> {
  let reassessed = 0
  let changed = 0
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize)
    const done = await db.transaction().execute(async (trx) => {
      const claimed = (await claimCurrentAssessments(trx, { ids: batch })).filter((row) =>
        isOlderStamp({ engine: row.engine_version, rules: row.rules_version }, current),
      )
      const owners = new Map(
        (await listSubmittedResponseOwners(trx, { responseIds: claimed.map((row) => row.response_id) })).map((o) => [
          o.responseId,
          o,
        ]),
      )
      const results: ReassessedResponse[] = []
      for (const row of claimed) {
        const owner = owners.get(row.response_id)
        if (!owner) continue // reopened meanwhile: its next submission assesses it
        const before = JSON.parse(row.result_json) as Assessment
        const fresh = await assessResponse(trx, { responseId: row.response_id, asOf: today() })
        const change = verdictChange(
          {
            verdict: row.verdict,
            findings: before.findings ?? [],
            conditions: before.conditions ?? [],
            engine: { engine: row.engine_version, rules: row.rules_version },
          },
          {
            ...fresh.assessment,
            engine: { engine: fresh.assessment.engine.version, rules: fresh.assessment.engine.rules },
          },
        )
        if (change) {
          await recordAuditEvent(trx, {
            organisationId: owner.organisationId,
            engagementId: owner.engagementId,
            actor: { type: 'system' },
            action: VERDICT_CHANGED_ACTION,
            subjectType: 'assessment',
            subjectId: fresh.id,
            detail: {
              summary: `${owner.vendorCompany}: ${describeVerdictChange(change)}`,
              invitationId: owner.invitationId,
              vendorCompany: owner.vendorCompany,
              previousAssessmentId: row.id,
              ...change,
            },
          })
        }
        const result = { responseId: row.response_id, assessmentId: fresh.id, change }
        results.push(result)
        await onAssessed?.(result)
      }
      return results
    })
    reassessed += done.length
    changed += done.filter((result) => result.change).length
    await onBatch?.()
    // Let requests waiting for the connection run before the next batch takes it again.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { reassessed, changed }
}

/** The job: runs for the release it was queued for, in whichever process claims it. */
export function reassessmentJob(options: Omit<ReassessOptions, 'onBatch'> & { db: () => Kysely<Database> }) {
  const current = options.current ?? CURRENT
  const definition: JobDefinition<EngineStamp> = {
    handler: async ({ payload, heartbeat }) => {
      // Queued by a newer server: leave it to one (a retry comes back later; that server's own start
      // queues it again if this one ever marks it failed).
      if (isOlderStamp(current, payload)) throw new Error(`left to a server with rules ${payload.rules}`)
      await reassessStaleAssessments(options.db(), { ...options, current, onBatch: heartbeat })
    },
  }
  return definition
}

/** A verdict a rules release changed, as the dashboard and the vendor report show it. */
export type VerdictChangeNotice = VerdictChange & {
  at: string
  assessmentId: string
  invitationId: string
  vendorCompany: string
  text: string
}

/**
 * The verdicts of an engagement that a rules release changed and that still stand (their assessment
 * is current), newest first; `since` limits them to recent ones (the dashboard's dated notice), and
 * `assessmentId` to one assessment (the vendor report).
 */
export async function listVerdictChanges(
  db: Kysely<Database>,
  scope: { organisationId: string; engagementId: string; since?: string; assessmentId?: string },
): Promise<VerdictChangeNotice[]> {
  const rows = await listCurrentVerdictChangeEvents(db, { ...scope, action: VERDICT_CHANGED_ACTION })
  return rows.map((row) => {
    const detail = JSON.parse(row.detailJson) as VerdictChange & { invitationId: string; vendorCompany: string }
    return {
      from: detail.from,
      to: detail.to,
      because: detail.because,
      at: row.createdAt,
      assessmentId: row.assessmentId,
      invitationId: detail.invitationId,
      vendorCompany: detail.vendorCompany,
      text: describeVerdictChange(detail),
    }
  })
}
