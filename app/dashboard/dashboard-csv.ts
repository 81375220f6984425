import type { Verdict } from '../assessment/engine.ts'
import type { LocationClass } from '../geography/location-class.ts'
import { STATUS_LABELS } from '../invitations/invitation.ts'
import { toCsv } from '../utils/csv.ts'
import { LOCATION_LABELS } from '../vocabulary/location-class.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import { certificateNote, type ExpiringCertificate } from './dashboard.ts'
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
  'Furthest model the law allows',
  'Blockers',
  'Conditions',
  'Assessed as of',
  'Certificates expired or ending within 90 days',
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
      row.locationClass ? (LOCATION_LABELS[row.locationClass as LocationClass] ?? row.locationClass) : '',
      row.model ? (LOCATION_LABELS[row.model as LocationClass] ?? row.model) : '',
      row.blockerCount,
      row.conditionCount,
      row.assessedAsOf ?? '',
      row.expiring.map(certificateNote).join('; '),
      row.decision ? (DECISION_FILTER_LABELS[row.decision as DecisionFilter] ?? row.decision) : '',
      row.decidedAt?.slice(0, 10) ?? '',
    ]),
  )
}
