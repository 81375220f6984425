import type { ResidualRisk, Verdict } from '../assessment/engine.ts'
import type { LeverEffort } from '../assessment/lever.ts'
import type { Suggestion } from '../assessment/unlock.ts'
import type { LocationClass } from '../geography/location-class.ts'
import { LOCATION_LABELS } from '../vocabulary/location-class.ts'
import { RESIDUAL_RISK_LABELS } from '../vocabulary/residual-risk.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import type { AppetiteJudgement } from './judgement.ts'
import { BUYER_ACTION_LABELS, type BuyerAction, isBuyerAction } from './policy.ts'

/**
 * The one line per vendor that every surface shows (dashboard, vendor report, comparison, both
 * PDFs): what the law allows (the verdict, and the furthest model allowed), the residual risk, and
 * what the buyer should do under the engagement's appetite. Built from what was stored with the
 * assessment, so no page judges a vendor differently from another. Pure and client-safe.
 */
export type VendorLine = {
  verdict: Verdict
  verdictLabel: string
  model: LocationClass
  modelLabel: string
  residualRisk: ResidualRisk | undefined
  riskLabel: string
  action: BuyerAction | undefined
  actionLabel: string
  /** Why the action is what it is (empty when the assessment predates risk appetite). */
  reason: string
  /** "The law: …, furthest allowed …. Residual risk: …. What to do: …" */
  text: string
}

const NOT_JUDGED = 'Not judged yet'

export function vendorLine({
  verdict,
  model,
  residualRisk,
  action,
  reason,
}: {
  verdict: Verdict
  model: LocationClass
  residualRisk: ResidualRisk | null | undefined
  action: string | null | undefined
  reason: string | undefined
}): VendorLine {
  const known = isBuyerAction(action) ? action : undefined
  const line: Omit<VendorLine, 'text'> = {
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    model,
    modelLabel: LOCATION_LABELS[model],
    residualRisk: residualRisk ?? undefined,
    riskLabel: residualRisk ? RESIDUAL_RISK_LABELS[residualRisk] : 'Not stored',
    action: known,
    actionLabel: known ? BUYER_ACTION_LABELS[known] : NOT_JUDGED,
    reason: known ? (reason ?? '') : 'Re-assess this vendor (save the profile or the risk appetite) to judge it.',
  }
  const text =
    `The law: ${line.verdictLabel.toLowerCase()}, furthest allowed ${line.modelLabel.toLowerCase()}. ` +
    `Residual risk: ${line.riskLabel.toLowerCase()}. ` +
    `What to do: ${line.actionLabel.toLowerCase()}${line.reason ? ` (${line.reason.replace(/\.$/, '')})` : ''}.`
  return { ...line, text }
}

/** A stored judgement, or undefined when it is missing or unreadable (an assessment made before issue 14). */
export function parseJudgement(json: string | null | undefined): AppetiteJudgement | undefined {
  if (!json) return undefined
  try {
    const value = JSON.parse(json) as AppetiteJudgement
    return Array.isArray(value?.suggestions) && isBuyerAction(value.action) ? value : undefined
  } catch {
    return undefined
  }
}

export const EFFORT_LABELS: Record<LeverEffort, string> = {
  'contract-term': 'a contract term',
  process: 'a process change',
  certification: 'a certification',
  relocation: 'a relocation',
}

const TARGET_TEXT: Record<Suggestion['target'], (to: string) => string> = {
  verdict: (to) => `Clears the blockers: the verdict becomes “${VERDICT_LABELS[to as Verdict] ?? to}”`,
  risk: (to) =>
    `Brings it within appetite: residual risk ${(RESIDUAL_RISK_LABELS[to as ResidualRisk] ?? to).toLowerCase()}`,
  model: (to) => `Widens the furthest allowed model to ${(LOCATION_LABELS[to as LocationClass] ?? to).toLowerCase()}`,
}

/** A suggestion as pages and PDFs word it. */
export type SuggestionView = {
  key: string
  /** What it achieves ("Clears the blockers: …"); several when one set of changes reaches several targets. */
  outcomes: string[]
  by: 'vendor' | 'buyer'
  who: string
  changes: string[]
  effortLabel: string
  clears: string[]
  citations: string[]
}

/**
 * The suggestions for display: one entry per set of changes (a set that both clears the blockers
 * and brings risk within appetite is shown once, with both outcomes), the vendor's first.
 */
export function suggestionViews(suggestions: readonly Suggestion[]): SuggestionView[] {
  const views: SuggestionView[] = []
  for (const s of suggestions) {
    const key = `${s.by}|${JSON.stringify(s.changes)}`
    const known = views.find((v) => v.key === key)
    const outcome = TARGET_TEXT[s.target](s.to)
    if (known) {
      if (!known.outcomes.includes(outcome)) known.outcomes.push(outcome)
      continue
    }
    views.push({
      key,
      outcomes: [outcome],
      by: s.by,
      who: s.by === 'buyer' ? 'Your own choice' : 'The vendor',
      changes: s.labels.map((label) => label.charAt(0).toUpperCase() + label.slice(1)),
      effortLabel: EFFORT_LABELS[s.effort],
      clears: s.clears,
      citations: s.citations,
    })
  }
  return [...views.filter((v) => v.by === 'vendor'), ...views.filter((v) => v.by === 'buyer')]
}
