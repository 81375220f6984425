import { REGIME_NAMES } from '../assessment/engine.ts'
import type { RegimePack } from '../assessment/regime-pack.ts'
import type { RegimeId } from '../regulations/profile.ts'

/**
 * The rules an engagement may raise to blockers: every finding rule of the packs that is not
 * already a blocker and says more than `info`. The packs are the one list (no rule is named here).
 */
export type RaisableRule = { id: string; regime: RegimeId; regimeName: string; severity: string; text: string }

export function raisableRules(packs: readonly RegimePack[]): RaisableRule[] {
  const out: RaisableRule[] = []
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (rule.kind !== 'finding' || rule.severity === 'blocker' || rule.severity === 'info') continue
      out.push({
        id: rule.id,
        regime: pack.id,
        regimeName: REGIME_NAMES[pack.id],
        severity: rule.severity,
        text: firstSentence(rule.message),
      })
    }
  }
  return out
}

/** A rule's message up to its first full stop, for a checkbox's label. */
function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/)
  return end > 0 ? message.slice(0, end + 1) : message
}
