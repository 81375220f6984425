import type { Assessment, Verdict } from '../assessment/engine.ts'
import { RESIDUAL_RISKS, type ResidualRisk } from '../assessment/residual-risk.ts'
import { RESIDUAL_RISK_LABELS } from '../vocabulary/residual-risk.ts'

/**
 * An engagement's risk policy and what it makes of an assessment: the one definition of "within
 * appetite", used when an assessment is stored (its action, and the search for what would change
 * it), by the engine's suggestion search (`unlock.ts`) and by every page and PDF through the stored
 * action. Pure and client-safe.
 *
 * The verdict says what the law allows; the residual risk how much risk is left where it allows the
 * work (contract v1.1). The policy turns both into what the buyer should do:
 * - `not-allowed`: the verdict is reject (a blocker of the law);
 * - `remediate-first`: the law allows the work, but the residual risk is above the engagement's
 *   appetite, or a finding fired that the engagement treats as a blocker (`blockingRules`);
 * - `within-appetite`: neither.
 *
 * @example buyerAction({ verdict: 'approve', residualRisk: 'high', findings: [] }, DEFAULT_POLICY) // 'remediate-first'
 */

/** The appetites an engagement may set: `critical` means a blocker of the law, which no appetite accepts. */
export const RISK_APPETITES = ['low', 'medium', 'high'] as const satisfies readonly ResidualRisk[]
export type RiskAppetite = (typeof RISK_APPETITES)[number]
export const DEFAULT_APPETITE: RiskAppetite = 'medium'

export type RiskPolicy = {
  /** The highest residual risk the engagement accepts. */
  appetite: RiskAppetite
  /** Rule ids whose findings this engagement treats as blockers (sorted, distinct). */
  blockingRules: readonly string[]
}
export const DEFAULT_POLICY: RiskPolicy = { appetite: DEFAULT_APPETITE, blockingRules: [] }

export const BUYER_ACTIONS = ['within-appetite', 'remediate-first', 'not-allowed'] as const
export type BuyerAction = (typeof BUYER_ACTIONS)[number]

export const BUYER_ACTION_LABELS: Record<BuyerAction, string> = {
  'within-appetite': 'Within appetite',
  'remediate-first': 'Remediate first',
  'not-allowed': 'Not allowed',
}

export const RISK_APPETITE_LABELS: Record<RiskAppetite, string> = {
  low: 'Low: accept only low residual risk',
  medium: 'Medium: accept low and medium residual risk',
  high: 'High: accept anything the law allows without a blocker',
}

export function riskRank(risk: ResidualRisk): number {
  return RESIDUAL_RISKS.indexOf(risk)
}

export function isRiskAppetite(value: unknown): value is RiskAppetite {
  return (RISK_APPETITES as readonly unknown[]).includes(value)
}

export function isBuyerAction(value: unknown): value is BuyerAction {
  return (BUYER_ACTIONS as readonly unknown[]).includes(value)
}

type Judged = Pick<Assessment, 'verdict' | 'residualRisk'> & { findings: ReadonlyArray<{ ruleId: string }> }

/** The findings of `assessment` that the policy raises to blockers (their rule ids, in finding order). */
export function policyBlockers(assessment: Pick<Judged, 'findings'>, policy: RiskPolicy): string[] {
  if (policy.blockingRules.length === 0) return []
  const out: string[] = []
  for (const f of assessment.findings)
    if (policy.blockingRules.includes(f.ruleId) && !out.includes(f.ruleId)) out.push(f.ruleId)
  return out
}

export function buyerAction(assessment: Judged, policy: RiskPolicy): BuyerAction {
  if (assessment.verdict === 'reject') return 'not-allowed'
  if (riskRank(assessment.residualRisk) > riskRank(policy.appetite)) return 'remediate-first'
  return policyBlockers(assessment, policy).length > 0 ? 'remediate-first' : 'within-appetite'
}

/** Why the action is what it is, in one sentence. */
export function buyerActionReason(assessment: Judged, policy: RiskPolicy): string {
  const risk = RESIDUAL_RISK_LABELS[assessment.residualRisk].toLowerCase()
  const appetite = policy.appetite
  switch (buyerAction(assessment, policy)) {
    case 'not-allowed':
      return 'The law does not allow this vendor until its blockers are cleared.'
    case 'remediate-first': {
      const raised = policyBlockers(assessment, policy)
      if (riskRank(assessment.residualRisk) > riskRank(appetite))
        return `Residual risk ${risk} is above this engagement's appetite (${appetite}).`
      return `This engagement treats ${raised.join(', ')} as ${raised.length === 1 ? 'a blocker' : 'blockers'}.`
    }
    case 'within-appetite':
      return `Residual risk ${risk} is within this engagement's appetite (${appetite}).`
  }
}

/** The verdicts from worst to best, for "never worse" checks. */
export const VERDICT_RANK: Record<Verdict, number> = { reject: 0, 'approve-with-conditions': 1, approve: 2 }

/** The policy as an engagement row stores it (`risk_appetite`, `blocking_rules_json`); a bad value reads as the default. */
export function storedPolicy(row: { appetite: string; blockingRulesJson: string }): RiskPolicy {
  let rules: unknown
  try {
    rules = JSON.parse(row.blockingRulesJson)
  } catch {
    rules = []
  }
  return {
    appetite: isRiskAppetite(row.appetite) ? row.appetite : DEFAULT_APPETITE,
    blockingRules: Array.isArray(rules)
      ? [...new Set(rules.filter((r): r is string => typeof r === 'string'))].sort()
      : [],
  }
}
