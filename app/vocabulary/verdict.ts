import type { Verdict } from '../assessment/engine.ts'

/**
 * The engine's verdicts as the app shows them: the one list (for filters and counts, in order of
 * how far a vendor got) and the one set of labels, used by the dashboard, its CSV, the reports and
 * their PDFs. The `Verdict` type itself is the engine's; this module adds only words and order.
 */
export const VERDICTS = ['approve', 'approve-with-conditions', 'reject'] as const satisfies readonly Verdict[]

export const VERDICT_LABELS: Record<Verdict, string> = {
  approve: 'Approve',
  'approve-with-conditions': 'Approve with conditions',
  reject: 'Reject',
}

/** True when `value` is one of the engine's verdicts (a stored column is plain text). */
export function isVerdict(value: unknown): value is Verdict {
  return (VERDICTS as readonly unknown[]).includes(value)
}

// Fails the type check when the engine gains a verdict this list does not name.
type Missing = Exclude<Verdict, (typeof VERDICTS)[number]>
const _everyVerdictListed: Missing extends never ? true : Missing = true
void _everyVerdictListed
