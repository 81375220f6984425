import { certificateStatus, EXPIRING_WITHIN_DAYS } from '../assessment/certificates.ts'
import { isIsoDate } from '../questionnaire/answers.ts'

/** Pure, client-safe helpers of the engagement dashboard. */

export { EXPIRING_WITHIN_DAYS }

const CERTIFICATE_SHORT_NAMES: Record<string, string> = {
  iso27001: 'ISO 27001',
  iso27701: 'ISO 27701',
  iso27017: 'ISO 27017',
  iso27018: 'ISO 27018',
  'soc2-type1': 'SOC 2 Type I',
  'soc2-type2': 'SOC 2 Type II',
  'hitrust-r2': 'HITRUST r2',
  'pci-dss-aoc': 'PCI DSS AOC',
  'fedramp-moderate': 'FedRAMP Moderate',
  'fedramp-high': 'FedRAMP High',
  'cmmc-l1': 'CMMC L1',
  'cmmc-l2': 'CMMC L2',
  'cmmc-l3': 'CMMC L3',
  'csa-star-l2': 'CSA STAR L2',
  tisax: 'TISAX',
  'cyber-essentials-plus': 'Cyber Essentials Plus',
}

/** A certificate that wants attention: ending within 90 days, or already ended (`ended`). */
export type ExpiringCertificate = { type: string; name: string; validUntil: string; ended?: boolean }

/**
 * The certificates of a stored `certifications.held` answer that end within 90 days of `asOf`
 * (certificateStatus's `expiring`) or have already ended (`expired`, or a report gone `stale`), with
 * their date, soonest first (so the ended ones lead). Saying "none ending" of a vendor whose
 * certificate expired last month would mislead. Stored JSON is read defensively:
 * an entry without a type or a valid issue date is skipped, never an error.
 *
 *   expiringCertificates([{ type: 'iso27001', issued: '2024-01-10', expires: '2027-01-09' }], '2026-11-29')
 *   // [{ type: 'iso27001', name: 'ISO 27001', validUntil: '2027-01-09' }]
 */
export function certificateNote(c: ExpiringCertificate): string {
  return c.ended ? `${c.name}, expired ${c.validUntil}` : `${c.name}, ends ${c.validUntil}`
}

export function expiringCertificates(held: unknown, asOf: string): ExpiringCertificate[] {
  if (!Array.isArray(held)) return []
  const out: ExpiringCertificate[] = []
  for (const item of held) {
    if (typeof item !== 'object' || item === null) continue
    const { type, issued, expires, edition } = item as Record<string, unknown>
    if (typeof type !== 'string' || !isIsoDate(issued)) continue
    const record = certificateStatus(
      {
        type,
        issued,
        ...(isIsoDate(expires) ? { expires } : {}),
        ...(edition !== undefined && edition !== null ? { edition: String(edition) } : {}),
      },
      asOf,
    )
    if (record.status === 'expiring' && record.validUntil) {
      out.push({ type, name: CERTIFICATE_SHORT_NAMES[type] ?? type, validUntil: record.validUntil })
    } else if (record.status === 'expired' || record.status === 'stale') {
      // Past its printed expiry, the record names no date of its own: the printed one is the date.
      const ended = record.validUntil ?? (isIsoDate(expires) ? expires : undefined)
      if (ended) out.push({ type, name: CERTIFICATE_SHORT_NAMES[type] ?? type, validUntil: ended, ended: true })
    }
  }
  return out.sort((a, b) => a.validUntil.localeCompare(b.validUntil))
}

/** "Showing 51–100 of 2,000" (fixed locale, so server and browser render the same text). */
export function showingText({ offset, count, total }: { offset: number; count: number; total: number }): string {
  const n = (value: number) => value.toLocaleString('en-GB')
  if (total === 0 || count === 0) return `Showing 0 of ${n(total)}`
  return `Showing ${n(offset + 1)}–${n(offset + count)} of ${n(total)}`
}

/** The date beside a vendor's status: when it happened, or until when the link works. */
export function statusNote(v: {
  status: string
  invitedAt: string
  openedAt: string | null
  startedAt: string | null
  submittedAt: string | null
  reopenedAt: string | null
  revokedAt: string | null
  expiresAt: string
}) {
  const at = (value: string | null) => (value ? value.slice(0, 10) : '')
  switch (v.status) {
    case 'opened':
      return at(v.openedAt)
    case 'in-progress':
      return `since ${at(v.startedAt)}`
    case 'submitted':
      return at(v.submittedAt)
    case 'reopened':
      return at(v.reopenedAt)
    case 'revoked':
      return at(v.revokedAt)
    case 'expired':
      return `on ${at(v.expiresAt)}`
    default:
      return `${at(v.invitedAt)} · link until ${at(v.expiresAt)}`
  }
}
