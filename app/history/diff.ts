import type { Assessment, Finding } from '../assessment/engine.ts'
import type { LocationClass } from '../geography/location-class.ts'
import { FURTHEST_ALLOWED_LABEL, LOCATION_LABELS } from '../vocabulary/location-class.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'

/**
 * What changed between two assessment versions of one vendor: verdict, score, residual risk and
 * model; findings added and resolved (by rule id); and which answers changed (when both versions
 * kept the answers they were made from). Pure: the history page, the managers' emails after a
 * certificate ends and the PDF read the same diff.
 */

export type VersionSnapshot = {
  assessment: Pick<Assessment, 'verdict' | 'score' | 'residualRisk' | 'recommendation' | 'findings' | 'asOf' | 'engine'>
  /** The answers assessed; null for versions stored before answers were kept. */
  answers: Record<string, unknown> | null
}

export type AnswerChange = { questionId: string; before: unknown; after: unknown }

export type AssessmentDiff = {
  verdict: { before: Assessment['verdict']; after: Assessment['verdict']; changed: boolean }
  score: { before: number; after: number }
  residualRisk: { before: string | undefined; after: string | undefined; changed: boolean }
  model: { before: string; after: string; changed: boolean }
  rules: { before: string; after: string; changed: boolean }
  findingsAdded: Finding[]
  findingsResolved: Finding[]
  /** Null when either version has no stored answers. */
  answersChanged: AnswerChange[] | null
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export function diffAssessments(before: VersionSnapshot, after: VersionSnapshot): AssessmentDiff {
  const a = before.assessment
  const b = after.assessment
  const beforeRules = new Set(a.findings.map((f) => f.ruleId))
  const afterRules = new Set(b.findings.map((f) => f.ruleId))
  return {
    verdict: { before: a.verdict, after: b.verdict, changed: a.verdict !== b.verdict },
    score: { before: a.score, after: b.score },
    residualRisk: { before: a.residualRisk, after: b.residualRisk, changed: a.residualRisk !== b.residualRisk },
    model: {
      before: a.recommendation.model,
      after: b.recommendation.model,
      changed: a.recommendation.model !== b.recommendation.model,
    },
    rules: { before: a.engine.rules, after: b.engine.rules, changed: a.engine.rules !== b.engine.rules },
    findingsAdded: b.findings.filter((f) => !beforeRules.has(f.ruleId)),
    findingsResolved: a.findings.filter((f) => !afterRules.has(f.ruleId)),
    answersChanged: before.answers && after.answers ? answerChanges(before.answers, after.answers) : null,
  }
}

function answerChanges(before: Record<string, unknown>, after: Record<string, unknown>): AnswerChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return ids
    .filter((id) => !same(before[id], after[id]))
    .map((questionId) => ({ questionId, before: before[questionId], after: after[questionId] }))
}

/** True when nothing a manager acts on changed (verdict, risk, model, findings). */
export function isQuiet(diff: AssessmentDiff): boolean {
  return (
    !diff.verdict.changed &&
    !diff.residualRisk.changed &&
    !diff.model.changed &&
    diff.findingsAdded.length === 0 &&
    diff.findingsResolved.length === 0
  )
}

/** The engine's model ("offshore") in the app's words ("Offshore"); an unknown one as stored. */
export function modelLabel(model: string): string {
  return LOCATION_LABELS[model as LocationClass] ?? model
}

/** The diff in plain lines (emails, audit details). */
export function describeDiff(diff: AssessmentDiff): string[] {
  const lines: string[] = []
  if (diff.verdict.changed)
    lines.push(`Verdict: ${VERDICT_LABELS[diff.verdict.before]} → ${VERDICT_LABELS[diff.verdict.after]}`)
  if (diff.score.before !== diff.score.after) lines.push(`Score: ${diff.score.before} → ${diff.score.after}`)
  if (diff.residualRisk.changed)
    lines.push(`Residual risk: ${diff.residualRisk.before ?? '—'} → ${diff.residualRisk.after ?? '—'}`)
  if (diff.model.changed)
    lines.push(`${FURTHEST_ALLOWED_LABEL}: ${modelLabel(diff.model.before)} → ${modelLabel(diff.model.after)}`)
  for (const f of diff.findingsAdded) lines.push(`New finding (${f.severity}): ${f.message} [${f.citation}]`)
  for (const f of diff.findingsResolved) lines.push(`Resolved finding: ${f.message} [${f.citation}]`)
  if (lines.length === 0) lines.push('Nothing that affects the verdict changed.')
  return lines
}
