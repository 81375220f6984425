import type { BuyerAction } from '../appetite/policy.ts'
import type { ResidualRisk, Verdict } from '../assessment/engine.ts'
import type { InvitationStatus } from '../invitations/invitation.ts'
import { certificateNote, type ExpiringCertificate } from './dashboard.ts'
import type { DecisionFilter } from './dashboard-params.ts'

/**
 * A dashboard row as the page shows it, and as it travels to the browser. The loader's data is
 * written into the page for hydration beside the table it renders, 50 rows of it, so a row carries
 * only what its cells show (display text composed on the server) and travels as a tuple: an object
 * would repeat its field names in every row (turbo-stream writes `"_n":m` per field, about a third
 * of the row). `packRow` and `unpackRow` are the only two places that know the order.
 */
export type DashboardRow = {
  id: string
  vendorCompany: string
  vendorCountry: string
  status: InvitationStatus
  /** The date beside the status, and how much is answered while the vendor is still answering. */
  statusNote: string
  score: number | null
  verdict: Verdict | null
  locationClass: string | null
  model: string | null
  blockerCount: number | null
  conditionCount: number | null
  decision: Exclude<DecisionFilter, 'none'> | null
  /** "ISO 27001, ends 2027-01-09", soonest first. */
  expiring: string[]
  emailFailed: boolean
  /** The stored residual risk and what the engagement's appetite makes of it (app/appetite). */
  residualRisk: ResidualRisk | null
  action: BuyerAction | null
}

export type PackedRow = [
  id: string,
  vendorCompany: string,
  vendorCountry: string,
  status: InvitationStatus,
  statusNote: string,
  score?: number | null,
  verdict?: Verdict | null,
  locationClass?: string | null,
  model?: string | null,
  blockerCount?: number | null,
  conditionCount?: number | null,
  decision?: DashboardRow['decision'],
  expiring?: string[] | null,
  emailFailed?: 1 | null,
  residualRisk?: ResidualRisk | null,
  action?: BuyerAction | null,
]

/** The row of the page from a vendor of `loadDashboardPage`, and its stored risk and action. */
export function toDashboardRow(
  v: {
    id: string
    vendorCompany: string
    vendorCountry: string
    status: InvitationStatus
    statusNote: string
    lastEmailStatus: string | null
    percent: number
    score: number | null
    verdict: string | null
    locationClass: string | null
    model: string | null
    blockerCount: number | null
    conditionCount: number | null
    decision: string | null
    expiring: readonly ExpiringCertificate[]
  },
  appetite?: { residualRisk: string | null; action: string | null },
): DashboardRow {
  return {
    id: v.id,
    vendorCompany: v.vendorCompany,
    vendorCountry: v.vendorCountry,
    status: v.status,
    statusNote: v.status !== 'submitted' && v.percent > 0 ? `${v.statusNote} · ${v.percent}% answered` : v.statusNote,
    score: v.score,
    verdict: v.verdict as Verdict | null,
    locationClass: v.locationClass,
    model: v.model,
    blockerCount: v.blockerCount,
    conditionCount: v.conditionCount,
    decision: v.decision as DashboardRow['decision'],
    expiring: v.expiring.map(certificateNote),
    emailFailed: v.lastEmailStatus === 'failed',
    residualRisk: (appetite?.residualRisk as ResidualRisk | null | undefined) ?? null,
    action: (appetite?.action as BuyerAction | null | undefined) ?? null,
  }
}

/** A row as a tuple, its empty fields at the end left out. */
export function packRow(row: DashboardRow): PackedRow {
  const packed: PackedRow = [
    row.id,
    row.vendorCompany,
    row.vendorCountry,
    row.status,
    row.statusNote,
    row.score,
    row.verdict,
    row.locationClass,
    row.model,
    row.blockerCount,
    row.conditionCount,
    row.decision,
    row.expiring.length > 0 ? row.expiring : null,
    row.emailFailed ? 1 : null,
    row.residualRisk,
    row.action,
  ]
  while (packed.length > 5 && (packed.at(-1) === null || packed.at(-1) === undefined)) packed.pop()
  return packed
}

export function unpackRow(packed: PackedRow): DashboardRow {
  const [id, vendorCompany, vendorCountry, status, statusNote, ...rest] = packed
  return {
    id,
    vendorCompany,
    vendorCountry,
    status,
    statusNote,
    score: rest[0] ?? null,
    verdict: rest[1] ?? null,
    locationClass: rest[2] ?? null,
    model: rest[3] ?? null,
    blockerCount: rest[4] ?? null,
    conditionCount: rest[5] ?? null,
    decision: rest[6] ?? null,
    expiring: rest[7] ?? [],
    emailFailed: rest[8] === 1,
    residualRisk: rest[9] ?? null,
    action: rest[10] ?? null,
  }
}
