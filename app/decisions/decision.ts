import { z } from 'zod'

/**
 * A manager's decision on a vendor of an engagement: the form's schema, shared by the browser
 * (react-hook-form) and the route's action. Client-safe: no server imports.
 */

export const DECISIONS = ['shortlisted', 'approved', 'rejected'] as const
export type Decision = (typeof DECISIONS)[number]

export const DECISION_LABELS: Record<Decision, string> = {
  shortlisted: 'Shortlisted',
  approved: 'Approved',
  rejected: 'Rejected',
}
/** What the dashboard and the reports say of a vendor without a decision. */
export const NO_DECISION_LABEL = 'No decision yet'

export const MAX_DECISION_COMMENT = 2000

export const DecisionSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: 'Choose shortlist, approve or reject' }),
    comment: z
      .string()
      .trim()
      .max(MAX_DECISION_COMMENT, `Keep the comment to ${MAX_DECISION_COMMENT} characters`)
      .default(''),
  })
  .superRefine((value, ctx) => {
    // A rejection is the decision most often questioned later: it must say why.
    if (value.decision === 'rejected' && value.comment.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why the vendor is rejected' })
    }
  })
export type DecisionInput = z.output<typeof DecisionSchema>

/** One recorded decision, as reports and the dashboard show it. */
export type DecisionRecord = {
  id: string
  decision: Decision
  comment: string
  decidedBy: string | null
  decidedAt: string
}
