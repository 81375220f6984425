import { describe, expect, test } from 'vitest'
import { type DashboardRow, packRow, toDashboardRow, unpackRow } from '#app/dashboard/dashboard-row.ts'

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

  test('travels as a tuple without its empty tail, and arrives as the same row', () => {
    const sparse = toDashboardRow({ ...vendor, lastEmailStatus: null })
    expect(packRow(sparse)).toEqual(['a1b2c3', 'Lagos Ledger', 'NG', 'in-progress', 'since 2026-11-20 · 40% answered'])
    expect(unpackRow(packRow(sparse))).toEqual(sparse)
    const full: DashboardRow = {
      ...sparse,
      score: 0,
      verdict: 'approve-with-conditions',
      locationClass: 'nearshore',
      model: 'onshore',
      blockerCount: 0,
      conditionCount: 2,
      decision: 'shortlisted',
      expiring: ['SOC 2 Type II, ends 2027-02-01'],
      emailFailed: true,
      residualRisk: 'high',
      action: 'remediate-first',
    }
    expect(unpackRow(packRow(full))).toEqual(full)
    // A value in the middle that is missing stays in its place.
    const holes = { ...full, verdict: null, model: null, emailFailed: false }
    expect(unpackRow(packRow(holes))).toEqual(holes)
    // JSON (what turbo-stream preserves of it) turns the tuple into the same row too.
    expect(unpackRow(JSON.parse(JSON.stringify(packRow(full))))).toEqual(full)
  })
})
