import { z } from 'zod'

/**
 * The audit log's filters and kinds of action (README decision 81). Client-safe and light: the
 * page's form uses it; the words of each event are in audit-log.ts, used by loaders only.
 */

/** The kinds of action the log's filter offers, each with the stored actions it covers. */
export const ACTION_GROUPS = {
  decisions: { label: 'Decisions', actions: ['vendor.decided'] },
  verdicts: {
    label: 'Assessments and verdict changes',
    actions: ['assessment.recomputed', 'assessment.verdict-changed', 'vendor.verdict-changed', 'certificate.ended'],
  },
  invitations: {
    label: 'Invitations and reminders',
    actions: [
      'invitation.created',
      'invitation.resent',
      'invitation.revoked',
      'invitation.extended',
      'invitation.reminded',
      'invitation.opened',
      'review.invited',
      'certificate.ending-notified',
    ],
  },
  answers: {
    label: 'Vendor answers and evidence',
    actions: [
      'response.submitted',
      'response.reopened',
      'evidence.added',
      'evidence.deleted',
      'vendor.language-changed',
      'remediation.vendor-replied',
    ],
  },
  engagement: {
    label: 'Engagement, profile and policy',
    actions: [
      'engagement.created',
      'engagement.archived',
      'engagement.restored',
      'profile.updated',
      'engagement.risk-policy-changed',
      'review.cadence-set',
    ],
  },
  remediation: {
    label: 'Requested changes and accepted risks',
    actions: [
      'remediation.requested',
      'remediation.overdue',
      'remediation.reminded',
      'risk.accepted',
      'risk.acceptance-withdrawn',
      'risk.acceptance-lapsed',
    ],
  },
  exports: { label: 'Downloads (PDF, CSV)', actions: ['export.downloaded'] },
} as const satisfies Record<string, { label: string; actions: readonly string[] }>
export type ActionGroup = keyof typeof ACTION_GROUPS
const GROUP_IDS = Object.keys(ACTION_GROUPS) as [ActionGroup, ...ActionGroup[]]

/** The downloads the log records (action `export.downloaded`, detail `kind`). */
export const EXPORT_LABELS = {
  'report-pdf': 'the report PDF',
  'comparison-pdf': 'the comparison PDF',
  'dashboard-csv': 'the vendors CSV',
  'answers-csv': 'the answers CSV',
  'audit-csv': 'the audit log CSV',
} as const
export type ExportKind = keyof typeof EXPORT_LABELS

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The log's filters, read from the page's URL (and the CSV's): every one optional. */
export const AuditFilterSchema = z
  .object({
    type: z.enum(GROUP_IDS, { error: 'Choose a kind of action from the list' }).optional(),
    actor: z
      .string()
      .trim()
      .max(80)
      .regex(/^(user|vendor):[\w-]+$|^system$|^vendors$/, 'Choose who acted from the list')
      .optional(),
    from: z
      .string()
      .regex(ISO_DATE, 'Enter the first day as YYYY-MM-DD')
      .refine(validDate, 'Enter the first day as YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(ISO_DATE, 'Enter the last day as YYYY-MM-DD')
      .refine(validDate, 'Enter the last day as YYYY-MM-DD')
      .optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The first day comes after the last day',
    path: ['to'],
  })
export type AuditFilter = z.output<typeof AuditFilterSchema>

function validDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The filters of a URL; empty values are "not set". Problems are the messages of what is wrong. */
export function parseAuditFilter(search: URLSearchParams): { filter: AuditFilter; problems: string[] } {
  const raw = Object.fromEntries(
    ['type', 'actor', 'from', 'to'].flatMap((key) => {
      const value = search.get(key)?.trim()
      return value ? [[key, value]] : []
    }),
  )
  const parsed = AuditFilterSchema.safeParse(raw)
  if (parsed.success) return { filter: parsed.data, problems: [] }
  return { filter: {}, problems: [...new Set(parsed.error.issues.map((issue) => issue.message))] }
}

/** The filter as a query string (for the CSV link), `?` included, or '' when nothing is set. */
export function auditFilterSearch(filter: AuditFilter): string {
  const entries = Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1]))
  return entries.length > 0 ? `?${new URLSearchParams(entries)}` : ''
}

/** The actions a group covers, or undefined for every action. */
export function actionsOf(type: ActionGroup | undefined): readonly string[] | undefined {
  return type ? ACTION_GROUPS[type].actions : undefined
}
