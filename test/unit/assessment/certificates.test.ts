import { describe, expect, it } from 'vitest'
import { certificateStatus } from '#app/assessment/certificates.ts'

const status = (cert: Parameters<typeof certificateStatus>[0], asOf = '2026-07-01') =>
  certificateStatus(cert, asOf).status

describe('certificate validity (brief section 14)', () => {
  it('S45: a mix of certifications on 2026-07-01', () => {
    expect(status({ type: 'cyber-essentials-plus', issued: '2025-05-01' })).toBe('expired')
    expect(status({ type: 'tisax', issued: '2023-09-15' })).toBe('expiring')
    expect(status({ type: 'hitrust-r2', issued: '2024-09-01' })).toBe('expiring')
    expect(status({ type: 'pci-dss-aoc', issued: '2026-02-01' })).toBe('valid')
  })

  it('expires the day after the printed expiry, not on it', () => {
    expect(status({ type: 'iso27001', issued: '2024-01-01', expires: '2026-07-01' })).toBe('expiring')
    expect(status({ type: 'iso27001', issued: '2024-01-01', expires: '2026-06-30' })).toBe('expired')
  })

  it('ISO/IEC 27001:2013 is invalid from 2025-11-01 whatever its printed expiry', () => {
    const cert = { type: 'iso27001', issued: '2023-06-01', expires: '2026-05-31', edition: '2013' }
    expect(status(cert, '2025-10-31')).toBe('expiring')
    expect(status(cert, '2025-11-01')).toBe('invalid')
    expect(status({ ...cert, edition: '2022' }, '2025-11-01')).toBe('valid')
  })

  it('a SOC 2 report is stale when its period ended more than 12 months before asOf', () => {
    expect(status({ type: 'soc2-type2', issued: '2025-07-01' })).toBe('expiring')
    expect(status({ type: 'soc2-type2', issued: '2025-06-30' })).toBe('stale')
    expect(status({ type: 'soc2-type2', issued: '2026-03-31' })).toBe('valid')
  })

  it('a PCI AOC older than 12 months is stale (S41)', () => {
    expect(status({ type: 'pci-dss-aoc', issued: '2025-04-15' })).toBe('stale')
  })

  it('CMMC L1 lasts 12 months, L2 three years, HITRUST r2 two years', () => {
    expect(status({ type: 'cmmc-l1', issued: '2025-06-30' })).toBe('expired')
    expect(status({ type: 'cmmc-l2', issued: '2023-06-30' })).toBe('expired')
    expect(status({ type: 'cmmc-l2', issued: '2025-01-15' })).toBe('valid')
    expect(status({ type: 'hitrust-r2', issued: '2024-06-30' })).toBe('expired')
  })

  it('a certificate issued after the assessment date is invalid', () => {
    expect(status({ type: 'iso27001', issued: '2026-08-01' })).toBe('invalid')
  })

  it('FedRAMP is current while its last annual assessment is at most 12 months old (contract v1.1), and honours a printed expiry', () => {
    expect(status({ type: 'fedramp-moderate', issued: '2025-07-01' })).toBe('expiring')
    expect(status({ type: 'fedramp-moderate', issued: '2025-06-30' })).toBe('stale')
    expect(status({ type: 'fedramp-high', issued: '2019-01-01' })).toBe('stale')
    expect(status({ type: 'fedramp-moderate', issued: '2026-03-01', expires: '2026-06-01' })).toBe('expired')
  })

  it('a conditional CMMC status lasts 180 days from its date, then it is no status (32 CFR 170.21(b))', () => {
    const conditional = {
      type: 'cmmc-l2',
      issued: '2026-01-01',
      status: 'conditional' as const,
      assessor: 'c3pao' as const,
    }
    expect(certificateStatus(conditional, '2026-06-30')).toMatchObject({
      status: 'expiring',
      validUntil: '2026-06-30',
      cmmcStatus: 'conditional',
      assessor: 'c3pao',
    })
    expect(status(conditional, '2026-07-01')).toBe('expired')
    expect(status({ ...conditional, status: 'final' }, '2026-07-01')).toBe('valid')
  })

  it('a conditional CMMC Level 1 does not exist and counts as no status (170.21(a)(1))', () => {
    expect(status({ type: 'cmmc-l1', issued: '2026-05-01', status: 'conditional' })).toBe('invalid')
    expect(status({ type: 'cmmc-l1', issued: '2026-05-01', status: 'final' })).toBe('valid')
  })

  it('a CMMC certificate without assessor or status counts as a final self-assessment', () => {
    expect(certificateStatus({ type: 'cmmc-l2', issued: '2026-01-15' }, '2026-07-01')).toMatchObject({
      assessor: 'self',
      cmmcStatus: 'final',
    })
  })

  it('an ISO/IEC 27001 certificate without an edition is held and marked for the edition question', () => {
    const record = certificateStatus({ type: 'iso27001', issued: '2024-05-01', expires: '2027-04-30' }, '2026-11-22')
    expect(record).toMatchObject({ status: 'valid', editionMissing: true })
    expect(
      certificateStatus({ type: 'iso27001', issued: '2024-05-01', edition: '2022' }, '2026-11-22').editionMissing,
    ).toBeUndefined()
  })

  it('reports the last valid day', () => {
    expect(certificateStatus({ type: 'cyber-essentials-plus', issued: '2026-03-01' }, '2026-07-01')).toMatchObject({
      status: 'valid',
      validUntil: '2027-03-01',
    })
  })
})
