import { z } from 'zod'
import { isIsoDate } from '../assessment/dates.ts'
import type { Assessment, Finding } from '../assessment/engine.ts'

/**
 * Remediation requests: the words, the form schemas (shared by browser and server) and the pure
 * rules of an item's state. Client-safe: no database, no server imports.
 *
 * An item moves like this (the buyer sees each state):
 *   open ──vendor changes answers or says "will fix by"──▶ answered
 *   open ──vendor disputes with a reason──────────────────▶ disputed
 *   any ──the re-assessment no longer raises the finding──▶ resolved
 *   open ──the due date passes without a reply────────────▶ overdue (reminded; a reply moves it on)
 */

export const ITEM_STATES = ['open', 'answered', 'resolved', 'disputed', 'overdue'] as const
export type ItemState = (typeof ITEM_STATES)[number]

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  open: 'Open',
  answered: 'Answered',
  resolved: 'Resolved',
  disputed: 'Disputed',
  overdue: 'Overdue',
}

export const MAX_MESSAGE = 2000
export const MAX_REASON = 2000
export const MAX_ITEMS = 30

/** The finding an item was made from, as the manager saw it (kept with the item). */
export type ItemFinding = Pick<Finding, 'ruleId' | 'regime' | 'severity' | 'citation' | 'message' | 'remediation'>

const dateField = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => isIsoDate(value), { error: message })

/**
 * A new request as the manager's form posts it: the findings ticked (rule ids), a due date that is
 * not in the past, and a message. `today` is the server's date, passed to the browser too.
 */
export function newRequestSchema(today: string) {
  return z.object({
    ruleIds: z
      .array(z.string().trim().min(1).max(200))
      .min(1, { error: 'Pick at least one finding to send.' })
      .max(MAX_ITEMS, { error: `At most ${MAX_ITEMS} findings in one request.` }),
    dueOn: dateField('Enter the due date as YYYY-MM-DD.').refine((value) => value >= today, {
      error: `The due date cannot be in the past (today is ${today}).`,
    }),
    message: z
      .string()
      .trim()
      .max(MAX_MESSAGE, { error: `At most ${MAX_MESSAGE} characters.` }),
  })
}
export type NewRequestInput = z.output<ReturnType<typeof newRequestSchema>>

/** The vendor's reply to one item, as posted (`reply.<itemId>.kind` and friends). */
export type ItemReplyInput = { kind: string; fixBy: string; reason: string }
export type ItemReply = { kind: 'will-fix'; fixBy: string } | { kind: 'dispute'; reason: string } | { kind: 'none' }
export type ItemReplyProblem =
  | 'fix-date-missing'
  | 'fix-date-past'
  | 'reason-missing'
  | 'reason-too-long'
  | 'unknown-kind'

/**
 * Reads one item's reply: "will fix" needs a date that is not in the past, a dispute needs a
 * reason; no reply at all is fine (the vendor may only change answers).
 */
export function parseItemReply(
  input: ItemReplyInput,
  today: string,
): { ok: true; reply: ItemReply } | { ok: false; problem: ItemReplyProblem } {
  const kind = input.kind.trim()
  if (kind === '' || kind === 'none') return { ok: true, reply: { kind: 'none' } }
  if (kind === 'will-fix') {
    const fixBy = input.fixBy.trim()
    if (!isIsoDate(fixBy)) return { ok: false, problem: 'fix-date-missing' }
    if (fixBy < today) return { ok: false, problem: 'fix-date-past' }
    return { ok: true, reply: { kind: 'will-fix', fixBy } }
  }
  if (kind === 'dispute') {
    const reason = input.reason.trim()
    if (reason === '') return { ok: false, problem: 'reason-missing' }
    if (reason.length > MAX_REASON) return { ok: false, problem: 'reason-too-long' }
    return { ok: true, reply: { kind: 'dispute', reason } }
  }
  return { ok: false, problem: 'unknown-kind' }
}

/**
 * An item's state after the vendor sent its changes and the response was re-assessed: resolved
 * when the new assessment no longer raises the finding, else disputed or answered by the reply (a
 * changed answer counts as an answer), else as it was.
 */
export function stateAfterVendorReply(
  current: ItemState,
  { reply, answersChanged, stillRaised }: { reply: ItemReply; answersChanged: boolean; stillRaised: boolean },
): ItemState {
  if (current === 'resolved') return 'resolved'
  if (!stillRaised) return 'resolved'
  if (reply.kind === 'dispute') return 'disputed'
  if (reply.kind === 'will-fix' || answersChanged) return 'answered'
  return current
}

/** An open item past its request's due date (the last day to answer) is overdue. */
export function isOverdue(state: ItemState, dueOn: string, today: string): boolean {
  return state === 'open' && today > dueOn
}

/**
 * The findings a new request starts with, ticked. The seam for issue 14's stored suggestions ("what
 * would change this"): once assessments carry them, the findings their changes clear come first.
 * Until then: every blocker and high finding, and every finding whose questions this vendor was
 * never asked (a profile change or a newer questionnaire version added them), which are asked
 * through a request rather than held against the vendor.
 */
export function suggestedRuleIds(assessment: Pick<Assessment, 'findings'>): string[] {
  const suggestions = (assessment as { suggestions?: { clears?: string[] }[] }).suggestions
  if (Array.isArray(suggestions) && suggestions.length > 0) {
    const cleared = new Set(suggestions.flatMap((s) => s.clears ?? []))
    const raised = assessment.findings.filter((f) => cleared.has(f.ruleId)).map((f) => f.ruleId)
    if (raised.length > 0) return raised
  }
  return assessment.findings
    .filter((f) => f.severity === 'blocker' || f.severity === 'high' || (f.notAsked?.length ?? 0) > 0)
    .map((f) => f.ruleId)
}

/**
 * The questions a vendor is asked for one finding: the ones behind it, then any the engine says
 * were not asked in the vendor's questionnaire version, each once.
 */
export function questionsOfFinding(finding: Pick<Finding, 'questionIds' | 'missingAnswers' | 'notAsked'>): string[] {
  return [...new Set([...finding.questionIds, ...(finding.missingAnswers ?? []), ...(finding.notAsked ?? [])])]
}
