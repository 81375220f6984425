import { describe, expect, test } from 'vitest'
import { type DashboardRow, packRows, toDashboardRow, unpackRows } from '#app/dashboard/dashboard-row.ts'

const vendor = {
  id: 'a1b2c3',
  vendorCompany: 'Lagos Ledger',
  vendorCountry: 'NG',
  status: 'in-progress' as const,
  statusNote: 'since 2026-11-20',
  lastEmailStatus: 'failed',
  percent: 40,
  score: null,
  verdict: null,
  locationClass: null,
  model: null,
  blockerCount: null,
  conditionCount: null,
  decision: null,
  expiring: [],
}

describe('a dashboard row on its way to the page', () => {
  test('shows what its cells show: progress beside the status date, certificates as text, a failed email', () => {
    expect(toDashboardRow(vendor)).toEqual<DashboardRow>({
      id: 'a1b2c3',
      vendorCompany: 'Lagos Ledger',
      vendorCountry: 'NG',
      status: 'in-progress',
      statusNote: 'since 2026-11-20 · 40% answered',
      score: null,
      verdict: null,
      locationClass: null,
      model: null,
      blockerCount: null,
      conditionCount: null,
      decision: null,
      expiring: [],
      emailFailed: true,
      residualRisk: null,
      action: null,
    })
    const submitted = toDashboardRow({
      ...vendor,
      status: 'submitted',
      statusNote: '2026-11-29',
      lastEmailStatus: 'sent',
      percent: 100,
      expiring: [{ type: 'iso27001', name: 'ISO 27001', validUntil: '2027-01-09' }],
    })
    expect(submitted.statusNote).toBe('2026-11-29')
    expect(submitted.expiring).toEqual(['ISO 27001, ends 2027-01-09'])
    expect(submitted.emailFailed).toBe(false)
    // The stored residual risk and action ride along (risk appetite, issue 14).
    const judged = toDashboardRow(vendor, { residualRisk: 'medium', action: 'within-appetite' })
    expect([judged.residualRisk, judged.action]).toEqual(['medium', 'within-appetite'])
  })

  test('travels as one line of text without empty tails, and arrives as the same rows', () => {
    const sparse = toDashboardRow({ ...vendor, lastEmailStatus: null })
    expect(packRows([sparse])).toBe('a1b2c3|Lagos Ledger|NG|3|since 2026-11-20 · 40% answered')
    expect(unpackRows(packRows([sparse]))).toEqual([sparse])
    const full: DashboardRow = {
      ...sparse,
      score: 0,
      verdict: 'approve-with-conditions',
      locationClass: 'nearshore',
      model: 'onshore',
      blockerCount: 0,
      conditionCount: 2,
      decision: 'shortlisted',
      expiring: ['SOC 2 Type II, ends 2027-02-01', 'ISO 27001, expired 2026-01-02'],
      emailFailed: true,
      residualRisk: 'high',
      action: 'remediate-first',
    }
    // Enumerations as their index, a certificate's date after one mark: a row is short on the page.
    expect(packRows([full])).toBe(
      'a1b2c3|Lagos Ledger|NG|3|since 2026-11-20 · 40% answered|0|1|1|0|0|2|0|SOC 2 Type II@2027-02-01^ISO 27001!2026-01-02|1|2|1',
    )
    // A value in the middle that is missing stays in its place.
    const holes = { ...full, id: 'd4e5', verdict: null, model: null, emailFailed: false }
    expect(unpackRows(packRows([full, sparse, holes]))).toEqual([full, sparse, holes])
    // Free text with the separators and the escape in it reads back as it was.
    const odd = {
      ...full,
      vendorCompany: 'A|B ~ C^D \\ E!@',
      expiring: ['x^y@!, ends 2027-01-01', 'a|b~c', 'P!, expired 2026-01-01, ends'],
    }
    expect(unpackRows(packRows([odd, full]))).toEqual([odd, full])
    expect(unpackRows(packRows([]))).toEqual([])
    // JSON (what turbo-stream preserves of it) turns the line into the same rows too.
    expect(unpackRows(JSON.parse(JSON.stringify(packRows([full, holes]))))).toEqual([full, holes])
  })
})
