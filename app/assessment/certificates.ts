import type { CertificationAnswer } from '../questionnaire/answers.ts'
import { addDays, addMonths } from './dates.ts'

/**
 * Certificate and report validity as of the assessment date (brief sections 14 and 21.9; contract
 * v1.1 "Certificates").
 * - `expired`: past the printed `expires`, or past the type's fixed term counted from `issued`, or
 *   a conditional CMMC status more than 180 days after its date (32 CFR 170.21(b));
 * - `stale`: a report with no expiry (SOC 2, PCI AOC) or a FedRAMP authorisation whose date (the
 *   report period's end, the last annual assessment) is more than 12 months old;
 * - `invalid`: ISO/IEC 27001:2013 from 2025-11-01 (IAF MD 26), a conditional CMMC Level 1 (no such
 *   status, 170.21(a)(1)), or issued after the assessment date;
 * - `expiring`: still good but ends within 90 days; `valid` otherwise.
 * Only `valid` and `expiring` count as held. An ISO/IEC 27001 certificate without an edition counts
 * as held and is marked `editionMissing`, so the engine can ask for the edition.
 */

export const CERTIFICATE_STATUSES = ['valid', 'expiring', 'stale', 'expired', 'invalid'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

type Validity = { months?: number; after: 'expired' | 'stale'; basis: string }

export const CERTIFICATE_VALIDITY: Record<string, Validity> = {
  iso27001: { months: 36, after: 'expired', basis: '3-year certificate cycle (ISO/IEC 17021-1)' },
  iso27701: { months: 36, after: 'expired', basis: 'same cycle as ISO/IEC 27001' },
  iso27017: { months: 36, after: 'expired', basis: 'tied to the underlying ISO/IEC 27001 cycle' },
  iso27018: { months: 36, after: 'expired', basis: 'tied to the underlying ISO/IEC 27001 cycle' },
  'csa-star-l2': { months: 36, after: 'expired', basis: 'expires with the underlying ISO/IEC 27001 certificate' },
  'soc2-type1': { months: 12, after: 'stale', basis: 'SOC 2 report older than 12 months' },
  'soc2-type2': { months: 12, after: 'stale', basis: 'SOC 2 report period ended more than 12 months ago' },
  'pci-dss-aoc': { months: 12, after: 'stale', basis: 'PCI DSS AOC older than 12 months (12.8.4, 12.9.2)' },
  'hitrust-r2': { months: 24, after: 'expired', basis: 'HITRUST r2 is valid for 2 years' },
  'cmmc-l1': { months: 12, after: 'expired', basis: 'CMMC Level 1 annual self-assessment (32 CFR 170.15)' },
  'cmmc-l2': { months: 36, after: 'expired', basis: 'CMMC Level 2 is valid for 3 years (32 CFR 170.17)' },
  'cmmc-l3': { months: 36, after: 'expired', basis: 'CMMC Level 3 is valid for 3 years (32 CFR 170.18)' },
  tisax: { months: 36, after: 'expired', basis: 'TISAX labels are valid for 3 years' },
  'cyber-essentials-plus': { months: 12, after: 'expired', basis: 'Cyber Essentials Plus is valid for 12 months' },
  // FedRAMP authorisations carry no end date; they stay current under continuous monitoring with an
  // annual assessment, whose date the vendor gives as `issued` (contract v1.1).
  'fedramp-moderate': { months: 12, after: 'stale', basis: 'FedRAMP annual assessment more than 12 months old' },
  'fedramp-high': { months: 12, after: 'stale', basis: 'FedRAMP annual assessment more than 12 months old' },
}

/** A conditional CMMC status lasts 180 days from its date (32 CFR 170.21(b)). */
export const CMMC_CONDITIONAL_DAYS = 180
const CMMC_TYPES = new Set(['cmmc-l1', 'cmmc-l2', 'cmmc-l3'])

export const ISO27001_2013_INVALID_FROM = '2025-11-01'
export const EXPIRING_WITHIN_DAYS = 90

export type CertificateRecord = {
  type: string
  issued: string
  expires?: string
  edition?: string
  /** CMMC only: the assessor and status as counted (contract: without them, a final self-assessment). */
  assessor?: 'self' | 'c3pao' | 'dibcac'
  cmmcStatus?: 'final' | 'conditional'
  /** An ISO/IEC 27001 certificate given without its edition (held, but the edition is asked for). */
  editionMissing?: true
  status: CertificateStatus
  /** The last day the certificate or report counts (absent when nothing ends it). */
  validUntil?: string
  reason: string
}

export function certificateStatus(cert: CertificationAnswer, asOf: string): CertificateRecord {
  // Assignments rather than spreads: this runs for every certificate of every assessed vendor.
  const record = (status: CertificateStatus, reason: string, validUntil?: string): CertificateRecord => {
    const out: CertificateRecord = { type: cert.type, issued: cert.issued, status, reason }
    if (cert.expires) out.expires = cert.expires
    if (cert.edition) out.edition = cert.edition
    if (cmmc) {
      out.assessor = cert.assessor ?? 'self'
      out.cmmcStatus = cert.status ?? 'final'
    }
    if (cert.type === 'iso27001' && !cert.edition) out.editionMissing = true
    if (validUntil) out.validUntil = validUntil
    return out
  }
  const cmmc = CMMC_TYPES.has(cert.type)
  if (cert.issued > asOf) return record('invalid', 'issued after the assessment date')
  if (cmmc && cert.status === 'conditional' && cert.type === 'cmmc-l1') {
    return record('invalid', 'a conditional CMMC Level 1 status does not exist (32 CFR 170.21(a)(1))')
  }
  const validity = CERTIFICATE_VALIDITY[cert.type] ?? { after: 'expired' as const, basis: 'printed expiry only' }
  const conditionalEnd = cmmc && cert.status === 'conditional' ? addDays(cert.issued, CMMC_CONDITIONAL_DAYS) : undefined
  if (conditionalEnd && asOf > conditionalEnd) {
    return record(
      'expired',
      `conditional status lapsed on ${conditionalEnd}, 180 days after its date (32 CFR 170.21(b))`,
    )
  }
  const ageEnd = validity.months ? addMonths(cert.issued, validity.months) : undefined
  const iso2013End =
    cert.type === 'iso27001' && cert.edition === '2013' ? addDays(ISO27001_2013_INVALID_FROM, -1) : undefined
  if (iso2013End && asOf > iso2013End) {
    return record('invalid', 'ISO/IEC 27001:2013 certificates are void after 2025-10-31 (IAF MD 26)')
  }
  if (cert.expires && asOf > cert.expires) return record('expired', `expired on ${cert.expires}`)
  if (ageEnd && asOf > ageEnd) return record(validity.after, `${validity.basis}: ended ${ageEnd}`)
  const ends = [cert.expires, ageEnd, iso2013End, conditionalEnd].filter((date): date is string => !!date).sort()
  const validUntil = ends[0]
  if (validUntil && validUntil <= addDays(asOf, EXPIRING_WITHIN_DAYS)) {
    return record('expiring', `ends on ${validUntil}, within ${EXPIRING_WITHIN_DAYS} days`, validUntil)
  }
  return record('valid', validUntil ? `valid until ${validUntil}` : validity.basis, validUntil)
}

export function isHeld(status: CertificateStatus): boolean {
  return status === 'valid' || status === 'expiring'
}
