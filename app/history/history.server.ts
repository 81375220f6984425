import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { getQuestionnaire } from '#questionnaires/index.ts'
import type { Assessment } from '../assessment/engine.ts'
import { questionsById } from '../questionnaire/answers.ts'
import { answerText, buyerQuestion } from '../reports/answer-text.ts'
import { nowIso } from '../utils/ids.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import { type AssessmentDiff, diffAssessments } from './diff.ts'
import { findVisit, listChangedVendorIds, listVersionDetails, listVersions, recordVisit } from './queries.server.ts'

type Scope = { organisationId: string; engagementId: string; invitationId: string }

export type HistoryVersion = {
  id: string
  number: number
  createdAt: string
  asOf: string
  score: number
  verdict: Assessment['verdict']
  verdictLabel: string
  model: string
  rulesVersion: string
  questionnaireVersion: number
  isCurrent: boolean
}

export type HistoryDiff = AssessmentDiff & {
  from: number
  to: number
  answers: { questionId: string; prompt: string; before: string; after: string }[] | null
}

export type VendorHistory = { versions: HistoryVersion[]; diff: HistoryDiff | null }

/**
 * Every assessment version of a vendor (oldest first, numbered from 1) and the diff between two of
 * them: `from` and `to` as version ids, by default the one before the current and the current.
 * Ids outside the vendor's versions fall back to the default (a shared link never breaks).
 */
export async function loadVendorHistory(
  db: Kysely<Database>,
  { scope, from, to }: { scope: Scope; from?: string | null; to?: string | null },
): Promise<VendorHistory> {
  const rows = await listVersions(db, scope)
  const versions: HistoryVersion[] = rows.map((r, i) => ({
    id: r.id,
    number: i + 1,
    createdAt: r.createdAt,
    asOf: r.asOf,
    score: r.score,
    verdict: r.verdict,
    verdictLabel: VERDICT_LABELS[r.verdict],
    model: r.model,
    rulesVersion: r.rulesVersion,
    questionnaireVersion: r.questionnaireVersion,
    isCurrent: r.isCurrent === 1,
  }))
  if (versions.length < 2) return { versions, diff: null }
  const byId = new Map(versions.map((v) => [v.id, v]))
  let a = (from && byId.get(from)) || versions[versions.length - 2]!
  let b = (to && byId.get(to)) || versions[versions.length - 1]!
  if (a.number > b.number) [a, b] = [b, a]
  const details = new Map((await listVersionDetails(db, { ...scope, ids: [a.id, b.id] })).map((d) => [d.id, d]))
  const snapshot = (id: string) => {
    const row = details.get(id)!
    return {
      assessment: JSON.parse(row.resultJson) as Assessment,
      answers: row.answersJson ? (JSON.parse(row.answersJson) as Record<string, unknown>) : null,
    }
  }
  const before = snapshot(a.id)
  const after = snapshot(b.id)
  const diff = diffAssessments(before, after)
  const questionnaire = getQuestionnaire(after.assessment.questionnaire.id)
  const questions = questionnaire ? questionsById(questionnaire) : new Map()
  return {
    versions,
    diff: {
      ...diff,
      from: a.number,
      to: b.number,
      answers:
        diff.answersChanged?.map((c) => ({
          questionId: c.questionId,
          // The buyer's page asks about the vendor, as the report does.
          prompt: buyerQuestion(questions.get(c.questionId)?.prompt.en ?? c.questionId),
          before: answerText(questions.get(c.questionId), c.before, new Map()),
          after: answerText(questions.get(c.questionId), c.after, new Map()),
        })) ?? null,
    },
  }
}

/**
 * The vendors of an engagement that changed since this member's previous visit (a new assessment,
 * or a reply to a request), and the visit recorded. A first visit marks nothing.
 */
export async function changedSinceLastVisit(
  db: Kysely<Database>,
  { userId, engagementId, now = nowIso() }: { userId: string; engagementId: string; now?: string },
): Promise<{ since: string | null; invitationIds: string[] }> {
  const visit = await findVisit(db, { userId, engagementId })
  // Reloading, sorting or paging within a minute is the same visit: its marks stay.
  const sameVisit = visit !== undefined && Date.parse(now) - Date.parse(visit.seenAt) < 60_000
  if (!sameVisit) await recordVisit(db, { userId, engagementId, now })
  const since = sameVisit ? visit.previousSeenAt : (visit?.seenAt ?? null)
  if (!since) return { since: null, invitationIds: [] }
  return { since, invitationIds: await listChangedVendorIds(db, { engagementId, since }) }
}
