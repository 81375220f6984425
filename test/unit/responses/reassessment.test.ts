import { describe, expect, test } from 'vitest'
import type { AssessmentCondition, Finding } from '#app/assessment/engine.ts'
import {
  compareVersions,
  dayInWords,
  describeVerdictChange,
  isOlderStamp,
  verdictChange,
} from '#app/responses/reassessment.ts'

describe('which assessments a release makes stale', () => {
  test('versions compare part by part, numbers as numbers', () => {
    expect(compareVersions('2026.11', '2026.12')).toBeLessThan(0)
    expect(compareVersions('2026.12', '2026.12')).toBe(0)
    expect(compareVersions('2027.01', '2026.12')).toBeGreaterThan(0)
    expect(compareVersions('1.1.0', '1.10.0')).toBeLessThan(0)
    expect(compareVersions('1.1', '1.1.0')).toBeLessThan(0)
  })

  const current = { engine: '1.1.0', rules: '2026.12' }
  test('older rules or an older engine, and nothing newer, is stale', () => {
    expect(isOlderStamp({ engine: '1.0.0', rules: '2026.11' }, current)).toBe(true)
    expect(isOlderStamp({ engine: '1.1.0', rules: '2026.11' }, current)).toBe(true)
    expect(isOlderStamp({ engine: '1.0.0', rules: '2026.12' }, current)).toBe(true)
  })

  test('the same stamp, or one a newer server made, is left alone', () => {
    expect(isOlderStamp(current, current)).toBe(false)
    expect(isOlderStamp({ engine: '1.1.0', rules: '2027.01' }, current)).toBe(false)
    expect(isOlderStamp({ engine: '1.2.0', rules: '2026.11' }, current)).toBe(false)
  })
})

const finding = (ruleId: string, severity: Finding['severity'] = 'blocker'): Finding => ({
  ruleId,
  regime: 'sanctions',
  severity,
  citation: `cite ${ruleId}`,
  message: `message ${ruleId}`,
  remediation: '',
  questionIds: [],
})
const condition = (id: string): AssessmentCondition => ({
  id,
  regime: 'gdpr',
  kind: 'mechanism',
  citation: `cite ${id}`,
  text: `text ${id}`,
  remediation: '',
})
const old = { engine: '1.0.0', rules: '2026.11' }
const now = { engine: '1.1.0', rules: '2026.12' }

describe('why a verdict changed', () => {
  test('no change, no record', () => {
    const same = { verdict: 'reject' as const, findings: [finding('a')], conditions: [] }
    expect(verdictChange({ ...same, engine: old }, { ...same, findings: [finding('b')], engine: now })).toBeUndefined()
  })

  test('approve → reject: the blockers that fire now and did not before', () => {
    const change = verdictChange(
      { verdict: 'approve', findings: [finding('kept', 'high')], conditions: [], engine: old },
      {
        verdict: 'reject',
        findings: [finding('sanctions.comprehensively-sanctioned-country'), finding('kept'), finding('low', 'low')],
        conditions: [condition('gdpr.scc')],
        engine: now,
      },
    )
    expect(change).toEqual({
      from: { verdict: 'approve', ...old },
      to: { verdict: 'reject', ...now },
      because: [
        { id: 'kept', kind: 'blocker', citation: 'cite kept', fires: true },
        {
          id: 'sanctions.comprehensively-sanctioned-country',
          kind: 'blocker',
          citation: 'cite sanctions.comprehensively-sanctioned-country',
          fires: true,
        },
      ],
    })
    expect(describeVerdictChange(change!)).toBe(
      'Approve → Reject under rules 2026.12 (engine 1.1.0; was rules 2026.11, engine 1.0.0); now fires: kept (cite kept), sanctions.comprehensively-sanctioned-country (cite sanctions.comprehensively-sanctioned-country)',
    )
  })

  test('reject → approve with conditions: the blockers that no longer fire', () => {
    const change = verdictChange(
      { verdict: 'reject', findings: [finding('gone'), finding('stays', 'high')], conditions: [], engine: old },
      {
        verdict: 'approve-with-conditions',
        findings: [finding('stays', 'high')],
        conditions: [condition('c')],
        engine: now,
      },
    )
    expect(change?.because).toEqual([{ id: 'gone', kind: 'blocker', citation: 'cite gone', fires: false }])
  })

  test('approve ↔ approve with conditions: the conditions that came or went', () => {
    const withScc = { verdict: 'approve-with-conditions' as const, findings: [], conditions: [condition('gdpr.scc')] }
    const clean = { verdict: 'approve' as const, findings: [], conditions: [] }
    expect(verdictChange({ ...clean, engine: old }, { ...withScc, engine: now })?.because).toEqual([
      { id: 'gdpr.scc', kind: 'condition', citation: 'cite gdpr.scc', fires: true },
    ])
    expect(verdictChange({ ...withScc, engine: old }, { ...clean, engine: now })?.because).toEqual([
      { id: 'gdpr.scc', kind: 'condition', citation: 'cite gdpr.scc', fires: false },
    ])
  })
})

test('dates in words, the same on server and browser', () => {
  expect(dayInWords('2026-12-02T14:08:37.000Z')).toBe('2 December 2026')
  expect(dayInWords('2027-01-09')).toBe('9 January 2027')
})
