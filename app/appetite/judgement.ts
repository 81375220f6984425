import type { AssessInput, Assessment } from '../assessment/engine.ts'
import { type Ceiling, profileCeiling, type Suggestion, unlock } from '../assessment/unlock.ts'
import { type BuyerAction, buyerAction, buyerActionReason, policyBlockers, type RiskPolicy } from './policy.ts'

/**
 * What an engagement's risk policy makes of one assessment, computed once when the assessment is
 * made and stored with it (`assessment.appetite_json`, with `residual_risk`, `buyer_action` and
 * `qualify_changes` beside it as columns for SQL): the action, why, "what would change this", and
 * how far the law lets the engagement's profile go. Pages, the recommendation panel and the PDFs
 * read it; nothing here runs per request.
 *
 * Issue 15 (remediation requests) pre-fills a request from `suggestions` by the vendor
 * (`by: "vendor"`): each change names the question (`questionId`) and the answer that would clear
 * the rules in `clears`. Suggestions by the buyer change the engagement's profile, not an answer.
 */
export type AppetiteJudgement = {
  /** The policy the assessment was judged under (the engagement's, when it was made). */
  policy: RiskPolicy
  action: BuyerAction
  reason: string
  /** Rule ids of findings the engagement raised to blockers that fired. */
  raised: string[]
  /** Verified suggestions, smallest first (unlock.ts). */
  suggestions: Suggestion[]
  /** How far the law lets this profile's work go (the same for every vendor of the engagement). */
  ceiling: Ceiling
}

export function judgeAssessment(input: AssessInput, assessment: Assessment, policy: RiskPolicy): AppetiteJudgement {
  return {
    policy,
    action: buyerAction(assessment, policy),
    reason: buyerActionReason(assessment, policy),
    raised: policyBlockers(assessment, policy),
    suggestions: unlock(input, { base: assessment, policy }),
    ceiling: profileCeiling(input),
  }
}

/**
 * The fewest changes of the vendor's that would bring it within appetite: 0 when it is, null when
 * no suggestion does (the panel's "who could qualify with the least").
 */
export function qualifyChanges(judgement: Pick<AppetiteJudgement, 'action' | 'suggestions'>): number | null {
  if (judgement.action === 'within-appetite') return 0
  const sizes = judgement.suggestions
    .filter((s) => s.target === 'risk' && s.by === 'vendor')
    .map((s) => s.changes.length)
  return sizes.length > 0 ? Math.min(...sizes) : null
}
