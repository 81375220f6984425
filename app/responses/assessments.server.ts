import type { Insertable, Kysely } from 'kysely'
import type { AssessmentTable, Database } from '#db/schema.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { type AppetiteJudgement, judgeAssessment, qualifyChanges } from '../appetite/judgement.ts'
import { storedPolicy } from '../appetite/policy.ts'
import { getPolicyOfResponse } from '../appetite/queries.server.ts'
import { type Assessment, type AssessmentTrace, assess } from '../assessment/engine.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import type { Answers } from '../questionnaire/answers.ts'
import { ProfileSchema } from '../regulations/profile.ts'
import { newId, nowIso } from '../utils/ids.ts'
import {
  getAssessmentInputs,
  listAnswerRowsOfResponse,
  listSubmittedResponseIds,
  replaceCurrentAssessment,
} from './queries.server.ts'

/**
 * Computes and stores the assessment of one response under its engagement's current profile,
 * stamped with the engine, rules and questionnaire versions (the pinned version, not the latest).
 * The previous assessment stays as history; the new one becomes current.
 */
export async function assessResponse(
  db: Kysely<Database>,
  { responseId, asOf = nowIso().slice(0, 10) }: { responseId: string; asOf?: string },
) {
  const context = await getAssessmentInputs(db, { responseId })
  const questionnaire = getQuestionnaire(context.questionnaire_id, context.questionnaire_version)
  if (!questionnaire)
    throw new Error(`questionnaire ${context.questionnaire_id} v${context.questionnaire_version} is not installed`)
  const rows = await listAnswerRowsOfResponse(db, { responseId })
  const answers: Answers = Object.fromEntries(rows.map((row) => [row.question_id, JSON.parse(row.value_json)]))
  const profile = ProfileSchema.parse(JSON.parse(context.profile_json))
  const input = { profile, questionnaire, answers, regimes: regimePacks, asOf }
  const { assessment, trace } = assess(input)
  // The engagement's risk policy, and what would change this, stored with the assessment (issue 14).
  const appetite = judgeAssessment(input, assessment, storedPolicy(await getPolicyOfResponse(db, { responseId })))

  const id = newId()
  const row = assessmentRow({ id, responseId, profile, assessment, trace, answers, appetite, createdAt: nowIso() })
  await inTransaction(db, (trx) => replaceCurrentAssessment(trx, { ...row, response_id: responseId }))
  return { id, assessment }
}

/**
 * The stored row of an assessment: the full result and trace as JSON, and beside them the columns
 * dashboards sort and filter on. Also used by the benchmark's generator, which assesses in memory.
 */
export function assessmentRow({
  id,
  responseId,
  profile,
  assessment,
  trace,
  answers,
  appetite,
  createdAt,
}: {
  id: string
  responseId: string
  profile: unknown
  assessment: Assessment
  trace: AssessmentTrace
  /** The answers assessed, kept so the history can say which answers changed between versions. */
  answers?: Answers
  /** What the engagement's risk policy made of it (app/appetite/judgement.ts). */
  appetite: AppetiteJudgement
  createdAt: string
}): Insertable<AssessmentTable> {
  return {
    id,
    response_id: responseId,
    engine_version: assessment.engine.version,
    rules_version: assessment.engine.rules,
    questionnaire_id: assessment.questionnaire.id,
    questionnaire_version: assessment.questionnaire.version,
    as_of: assessment.asOf,
    score: assessment.score,
    verdict: assessment.verdict,
    location_class: assessment.locationClass,
    model: assessment.recommendation.model,
    blocker_count: assessment.findings.filter((f) => f.severity === 'blocker').length,
    condition_count: assessment.conditions.length,
    profile_json: JSON.stringify(profile),
    result_json: JSON.stringify(assessment),
    trace_json: JSON.stringify(trace),
    answers_json: answers ? JSON.stringify(answers) : null,
    is_current: 1,
    created_at: createdAt,
    residual_risk: assessment.residualRisk,
    buyer_action: appetite.action,
    qualify_changes: qualifyChanges(appetite),
    appetite_json: JSON.stringify(appetite),
  }
}

/** Runs in the caller's transaction when there is one (submitting, the demo seed), else in a new one. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/**
 * Re-assesses every submitted response of an engagement (after its profile changed) and audits it.
 * Returns how many were re-assessed.
 */
export async function reassessEngagement(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    userId,
    reason = 'profile changed',
  }: { organisationId: string; engagementId: string; userId: string; reason?: string },
): Promise<number> {
  const responses = await listSubmittedResponseIds(db, { organisationId, engagementId })
  for (const response of responses) {
    const { assessment } = await assessResponse(db, { responseId: response.id })
    // A verdict the change turned (approve → reject): the log says which vendor and from → to.
    if (response.verdict && response.verdict !== assessment.verdict) {
      await recordAuditEvent(db, {
        organisationId,
        engagementId,
        actor: { type: 'user', userId },
        action: 'vendor.verdict-changed',
        subjectType: 'invitation',
        subjectId: response.invitationId,
        detail: { from: response.verdict, to: assessment.verdict, reason, vendorCompany: response.vendorCompany },
      })
    }
  }
  if (responses.length > 0) {
    await recordAuditEvent(db, {
      organisationId,
      engagementId,
      actor: { type: 'user', userId },
      action: 'assessment.recomputed',
      subjectType: 'engagement',
      subjectId: engagementId,
      detail: { responses: responses.length, reason },
    })
  }
  return responses.length
}
