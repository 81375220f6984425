import type { Verdict } from '../assessment/engine.ts'
import { STATUS_LABELS } from '../invitations/invitation.ts'
import { toCsv } from '../utils/csv.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import type { ExpiringCertificate } from './dashboard.ts'
import { DECISION_FILTER_LABELS, type DecisionFilter } from './dashboard-params.ts'

type ExportRow = {
  vendorCompany: string
  vendorCountry: string
  contactName: string
  contactEmail: string
  status: keyof typeof STATUS_LABELS
  submittedAt: string | null
  score: number | null
  verdict: string | null
  locationClass: string | null
  model: string | null
  blockerCount: number | null
  conditionCount: number | null
  assessedAsOf: string | null
  decision: string | null
  decidedAt: string | null
  expiring: ExpiringCertificate[]
}

export const DASHBOARD_CSV_HEADER = [
  'Vendor',
  'Country',
  'Contact',
  'Email',
  'Status',
  'Submitted',
  'Score',
  'Verdict',
  'Location class',
  'Recommended model',
  'Blockers',
  'Conditions',
  'Assessed as of',
  'Certificates ending within 90 days',
  'Decision',
  'Decided',
] as const

/** The dashboard's rows as CSV (formula cells escaped by toCsv); empty cells where there is no value. */
export function dashboardCsv(rows: readonly ExportRow[]): string {
  return toCsv(
    DASHBOARD_CSV_HEADER,
    rows.map((row) => [
      row.vendorCompany,
      row.vendorCountry,
      row.contactName,
      row.contactEmail,
      STATUS_LABELS[row.status],
      row.submittedAt?.slice(0, 10) ?? '',
      row.score,
      row.verdict ? (VERDICT_LABELS[row.verdict as Verdict] ?? row.verdict) : '',
      row.locationClass ?? '',
      row.model ?? '',
      row.blockerCount,
      row.conditionCount,
      row.assessedAsOf ?? '',
      row.expiring.map((c) => `${c.name} (ends ${c.validUntil})`).join('; '),
      row.decision ? (DECISION_FILTER_LABELS[row.decision as DecisionFilter] ?? row.decision) : '',
      row.decidedAt?.slice(0, 10) ?? '',
    ]),
  )
}
