import type { Assessment, Verdict } from '../assessment/engine.ts'
import { VERDICT_LABELS, VERDICTS } from '../vocabulary/verdict.ts'

/**
 * Re-assessment after a rules release, the pure part: which stored assessments a release makes
 * stale, and why a verdict changed between two assessments of the same response. Client-safe (the
 * dashboard's notice and the vendor report render what it describes).
 */

/** The audit action of a verdict changed by re-assessing under a newer rules release or engine. */
export const VERDICT_CHANGED_ACTION = 'assessment.verdict-changed'

export type EngineStamp = { engine: string; rules: string }

/**
 * Orders two dotted versions ("2026.11" < "2026.12", "1.0.0" < "1.1.0" < "1.10.0"): numeric parts as
 * numbers, anything else as text, a missing part before any present one.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i]
    const y = right[i]
    if (x === y) continue
    if (x === undefined) return -1
    if (y === undefined) return 1
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny
    return x < y ? -1 : 1
  }
  return 0
}

/**
 * Whether an assessment stamped `made` is older than this server's engine and rules: one of them
 * older and neither newer. An assessment a newer server already made (two versions running side by
 * side during a deploy) is left alone, so servers never undo each other's work.
 */
export function isOlderStamp(made: EngineStamp, current: EngineStamp): boolean {
  const engine = compareVersions(made.engine, current.engine)
  const rules = compareVersions(made.rules, current.rules)
  return engine <= 0 && rules <= 0 && (engine < 0 || rules < 0)
}

/** A rule that decides a verdict: a blocker finding, or a condition (a mechanism or an approval). */
export type DecisiveRule = { id: string; kind: 'blocker' | 'condition'; citation: string; fires: boolean }

export type VerdictChange = {
  from: EngineStamp & { verdict: Verdict }
  to: EngineStamp & { verdict: Verdict }
  /**
   * The rules that made the difference: for a worse verdict, the rules of the new verdict's kind
   * that fire now and did not before (`fires: true`); for a better one, those of the old verdict's
   * kind that fired before and no longer do (`fires: false`).
   */
  because: DecisiveRule[]
}

const RANK: Record<Verdict, number> = Object.fromEntries(VERDICTS.map((v, i) => [v, i])) as Record<Verdict, number>

type Decisive = Pick<Assessment, 'findings' | 'conditions'>
function decisive(assessment: Decisive, kind: DecisiveRule['kind']): Map<string, string> {
  return kind === 'blocker'
    ? new Map(assessment.findings.filter((f) => f.severity === 'blocker').map((f) => [f.ruleId, f.citation]))
    : new Map(assessment.conditions.map((c) => [c.id, c.citation]))
}

/**
 * How and why the verdict moved from `before` to `after`, or undefined when it did not.
 *
 * @example verdictChange(old, fresh)?.because // [{ id: 'sanctions.comprehensive', kind: 'blocker', citation: '31 CFR 560', fires: true }]
 */
export function verdictChange(
  before: Decisive & { verdict: Verdict; engine: EngineStamp },
  after: Decisive & { verdict: Verdict; engine: EngineStamp },
): VerdictChange | undefined {
  if (before.verdict === after.verdict) return undefined
  const worse = RANK[after.verdict] > RANK[before.verdict]
  // The kind of rule that sets the verdict on the worse side of the move.
  const kind: DecisiveRule['kind'] = (worse ? after.verdict : before.verdict) === 'reject' ? 'blocker' : 'condition'
  const [gained, lost] = worse ? [after, before] : [before, after]
  const now = decisive(gained, kind)
  const then = decisive(lost, kind)
  const because = [...now]
    .filter(([id]) => !then.has(id))
    .map(([id, citation]) => ({ id, kind, citation, fires: worse }))
    .sort((a, b) => a.id.localeCompare(b.id))
  return {
    from: { verdict: before.verdict, ...before.engine },
    to: { verdict: after.verdict, ...after.engine },
    because,
  }
}

/** The change in one sentence (the audit log shows it; the notices word it the same way). */
export function describeVerdictChange(change: VerdictChange): string {
  const rules = change.because.map((r) => `${r.id} (${r.citation})`).join(', ')
  const why = rules ? `${change.because[0]?.fires ? 'now fires' : 'no longer fires'}: ${rules}` : 'no single rule'
  return `${VERDICT_LABELS[change.from.verdict]} → ${VERDICT_LABELS[change.to.verdict]} under rules ${change.to.rules} (engine ${change.to.engine}; was rules ${change.from.rules}, engine ${change.from.engine}); ${why}`
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** "2 December 2026" from an ISO date or instant (UTC), the same on the server and in the browser. */
export function dayInWords(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number)
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`
}
