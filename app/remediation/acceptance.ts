import { z } from 'zod'
import { isIsoDate } from '../assessment/dates.ts'

/**
 * Risk acceptance: a manager accepts one finding of one vendor with a justification until a date.
 * The acceptance holds through `endsOn` and lapses the day after; a withdrawn one holds no more.
 * Client-safe.
 */

export const MAX_JUSTIFICATION = 2000

export type AcceptanceRecord = {
  id: string
  ruleId: string
  justification: string
  endsOn: string
  acceptedBy: string | null
  createdAt: string
  withdrawnAt: string | null
}

/** The acceptance form: a finding of the vendor's current assessment, a reason, an end date after today. */
export function acceptRiskSchema(today: string) {
  return z.object({
    ruleId: z.string().trim().min(1, { error: 'Choose the finding to accept.' }).max(200),
    justification: z
      .string()
      .trim()
      .min(1, { error: 'Say why the risk is accepted.' })
      .max(MAX_JUSTIFICATION, { error: `At most ${MAX_JUSTIFICATION} characters.` }),
    endsOn: z
      .string()
      .trim()
      .refine((value) => isIsoDate(value), { error: 'Enter the end date as YYYY-MM-DD.' })
      .refine((value) => value >= today, { error: `The end date cannot be in the past (today is ${today}).` }),
  })
}
export type AcceptRiskInput = z.output<ReturnType<typeof acceptRiskSchema>>

/** Holds on `today`: not withdrawn, and `today` is on or before its end date. */
export function isAcceptanceActive(a: Pick<AcceptanceRecord, 'endsOn' | 'withdrawnAt'>, today: string): boolean {
  return a.withdrawnAt === null && today <= a.endsOn
}

/** The acceptance that holds today for each finding (rule id); the latest end date wins. */
export function activeAcceptancesByRule(
  acceptances: readonly AcceptanceRecord[],
  today: string,
): Map<string, AcceptanceRecord> {
  const out = new Map<string, AcceptanceRecord>()
  for (const a of acceptances) {
    if (!isAcceptanceActive(a, today)) continue
    const held = out.get(a.ruleId)
    if (!held || held.endsOn < a.endsOn) out.set(a.ruleId, a)
  }
  return out
}

/** "Risk accepted until 2027-06-30 by Ada: <reason>" — the one wording page, PDF and comparison use. */
export function acceptanceText(a: Pick<AcceptanceRecord, 'endsOn' | 'acceptedBy' | 'justification'>): string {
  return `Risk accepted until ${a.endsOn}${a.acceptedBy ? ` by ${a.acceptedBy}` : ''}: ${a.justification}`
}
