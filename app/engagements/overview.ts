import type { Verdict } from '../assessment/engine.ts'
import { INVITATION_STATUSES, type InvitationStatus, STATUS_LABELS } from '../invitations/status.ts'
import { VERDICT_LABELS, VERDICTS } from '../vocabulary/verdict.ts'

/**
 * What the engagements list says about each engagement: its vendors counted by status and by
 * verdict, and where it stands against its due date. Pure and client-safe; the counts come from one
 * grouped query (`countVendorsOfEngagements`).
 */

export type DueState =
  | { kind: 'none'; label: string }
  | { kind: 'due'; days: number; label: string }
  | { kind: 'today'; label: string }
  | { kind: 'overdue'; days: number; label: string }

const DAY_MS = 86_400_000

/** The due date (YYYY-MM-DD, the last day work is due) against today's date in UTC. */
export function dueState(dueDate: string | null, now: Date): DueState {
  if (!dueDate) return { kind: 'none', label: 'No due date' }
  const due = Date.parse(`${dueDate}T00:00:00Z`)
  if (Number.isNaN(due)) return { kind: 'none', label: 'No due date' }
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)
  const days = Math.round((due - today) / DAY_MS)
  if (days === 0) return { kind: 'today', label: 'Due today' }
  if (days > 0) return { kind: 'due', days, label: `Due in ${days} day${days === 1 ? '' : 's'}` }
  return { kind: 'overdue', days: -days, label: `Overdue by ${-days} day${days === -1 ? '' : 's'}` }
}

export type CountRow = { engagementId: string; status: string; verdict: string | null; count: number }

export type VendorCounts = {
  total: number
  /** Non-zero statuses only, in lifecycle order. */
  byStatus: Array<{ status: InvitationStatus; label: string; count: number }>
  /** Non-zero verdicts only, in verdict order, then "Not assessed". */
  byVerdict: Array<{ verdict: Verdict | 'none'; label: string; count: number }>
}

/** The grouped rows of one query, folded into each engagement's counts (engagements without vendors get zeros). */
export function vendorCountsByEngagement(rows: readonly CountRow[]): Map<string, VendorCounts> {
  const tallies = new Map<string, { status: Map<string, number>; verdict: Map<string, number>; total: number }>()
  for (const row of rows) {
    const tally = tallies.get(row.engagementId) ?? { status: new Map(), verdict: new Map(), total: 0 }
    const count = Number(row.count)
    tally.total += count
    tally.status.set(row.status, (tally.status.get(row.status) ?? 0) + count)
    const verdict = row.verdict ?? 'none'
    tally.verdict.set(verdict, (tally.verdict.get(verdict) ?? 0) + count)
    tallies.set(row.engagementId, tally)
  }
  const result = new Map<string, VendorCounts>()
  for (const [engagementId, tally] of tallies) {
    result.set(engagementId, {
      total: tally.total,
      byStatus: INVITATION_STATUSES.flatMap((status) => {
        const count = tally.status.get(status) ?? 0
        return count ? [{ status, label: STATUS_LABELS[status], count }] : []
      }),
      byVerdict: [
        ...VERDICTS.flatMap((verdict) => {
          const count = tally.verdict.get(verdict) ?? 0
          return count ? [{ verdict, label: VERDICT_LABELS[verdict], count }] : []
        }),
        ...(tally.verdict.get('none')
          ? [{ verdict: 'none' as const, label: 'Not assessed', count: tally.verdict.get('none') ?? 0 }]
          : []),
      ],
    })
  }
  return result
}

export const NO_VENDORS: VendorCounts = { total: 0, byStatus: [], byVerdict: [] }
