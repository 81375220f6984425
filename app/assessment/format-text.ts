import { FURTHEST_ALLOWED_LABEL } from '../vocabulary/location-class.ts'
import type { Assessment } from './engine.ts'
import type { Suggestion } from './unlock.ts'

/** The `--format text` rendering of an assessment: for a person, not a parser. */
export function formatAssessmentText(assessment: Assessment): string {
  const lines: string[] = []
  lines.push(`Verdict: ${assessment.verdict}`)
  lines.push(`Location class of this vendor: ${assessment.locationClass}`)
  lines.push(`${FURTHEST_ALLOWED_LABEL}: ${assessment.recommendation.model}`)
  for (const reason of assessment.recommendation.reasons) lines.push(`  - ${reason}`)
  lines.push(`Score: ${assessment.score}/100`)
  lines.push(`Residual risk: ${assessment.residualRisk}`)
  for (const section of assessment.sections) lines.push(`  ${section.title}: ${section.score}`)
  lines.push(
    `Applicable regimes: ${assessment.applicableRegimes.length ? assessment.applicableRegimes.join(', ') : 'none'}`,
  )
  for (const regime of assessment.regimes) {
    lines.push('')
    lines.push(`[${regime.id}] ${regime.status}`)
    for (const finding of assessment.findings.filter((f) => f.regime === regime.id)) {
      const missing = finding.missingAnswers || finding.notAsked ? ' [answer missing]' : ''
      lines.push(`  ${finding.severity.toUpperCase()} ${finding.ruleId} (${finding.citation})${missing}`)
      lines.push(`    ${finding.message}`)
      lines.push(`    Remediation: ${finding.remediation}`)
    }
    for (const condition of assessment.conditions.filter((c) => c.regime === regime.id)) {
      lines.push(`  CONDITION (${condition.kind}) ${condition.id} (${condition.citation})`)
      lines.push(`    ${condition.text}`)
    }
  }
  if (assessment.warnings.length) {
    lines.push('')
    lines.push('Warnings:')
    for (const warning of assessment.warnings) lines.push(`  - ${warning}`)
  }
  lines.push('')
  lines.push(`Engine ${assessment.engine.version}, rules ${assessment.engine.rules}, as of ${assessment.asOf}`)
  return `${lines.join('\n')}\n`
}

/** `--unlock` in `--format text`: each suggestion with its changes in words and what it clears. */
export function formatUnlockText(suggestions: readonly Suggestion[]): string {
  const lines = ['', 'What would change this:']
  if (suggestions.length === 0)
    lines.push('  Nothing to change, or no three changes the regime packs offer would do it.')
  for (const s of suggestions) {
    const who = s.by === 'buyer' ? 'you (the buyer)' : 'the vendor'
    lines.push(`  ${s.target} -> ${s.to}, if ${who} would (${s.effort}):`)
    for (const label of s.labels) lines.push(`    - ${label}`)
    lines.push(`    clears ${s.clears.join(', ')} (${s.citations.join('; ')})`)
  }
  return `${lines.join('\n')}\n`
}
