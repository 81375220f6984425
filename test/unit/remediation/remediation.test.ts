import { describe, expect, test } from 'vitest'
import type { Finding } from '#app/assessment/engine.ts'
import { acceptanceText, acceptRiskSchema, activeAcceptancesByRule } from '#app/remediation/acceptance.ts'
import {
  isOverdue,
  newRequestSchema,
  parseItemReply,
  questionsOfFinding,
  stateAfterVendorReply,
  suggestedRuleIds,
} from '#app/remediation/remediation.ts'

const TODAY = '2027-01-10'

const finding = (ruleId: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  regime: 'hipaa',
  severity,
  citation: 'c',
  message: 'm',
  remediation: 'r',
  questionIds: ['contract.baa'],
  ...extra,
})

describe('a new request', () => {
  const schema = newRequestSchema(TODAY)
  test('needs a finding and a due date that is not in the past', () => {
    expect(schema.safeParse({ ruleIds: ['a'], dueOn: TODAY, message: '' }).success).toBe(true)
    const past = schema.safeParse({ ruleIds: ['a'], dueOn: '2027-01-09', message: '' })
    expect(past.success ? '' : past.error.issues[0]?.message).toBe(
      'The due date cannot be in the past (today is 2027-01-10).',
    )
    const none = schema.safeParse({ ruleIds: [], dueOn: TODAY, message: '' })
    expect(none.success ? '' : none.error.issues[0]?.message).toBe('Pick at least one finding to send.')
    expect(schema.safeParse({ ruleIds: ['a'], dueOn: '2027-02-30', message: '' }).success).toBe(false)
  })

  test('starts with blockers, high findings and questions never asked, in the engine’s order', () => {
    const findings = [
      finding('hipaa.baa-required', 'blocker'),
      finding('x.medium', 'medium'),
      finding('x.not-asked', 'medium', { notAsked: ['pipl.certification'] }),
      finding('x.high', 'high'),
    ]
    expect(suggestedRuleIds({ findings })).toEqual(['hipaa.baa-required', 'x.not-asked', 'x.high'])
  })

  test('stored suggestions (issue 14) win once an assessment carries them', () => {
    const findings = [finding('a', 'blocker'), finding('b', 'medium')]
    expect(suggestedRuleIds({ findings, suggestions: [{ clears: ['b'] }] } as never)).toEqual(['b'])
  })

  test('an item asks the questions behind the finding and the ones never asked, once each', () => {
    expect(questionsOfFinding({ questionIds: ['a', 'b'], missingAnswers: ['b', 'c'], notAsked: ['d'] })).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })
})

describe("the vendor's reply to an item", () => {
  test('a dispute needs a reason; "will fix" needs a date not in the past; no reply is fine', () => {
    expect(parseItemReply({ kind: 'dispute', fixBy: '', reason: '  ' }, TODAY)).toEqual({
      ok: false,
      problem: 'reason-missing',
    })
    expect(parseItemReply({ kind: 'will-fix', fixBy: '2027-01-09', reason: '' }, TODAY)).toEqual({
      ok: false,
      problem: 'fix-date-past',
    })
    expect(parseItemReply({ kind: 'will-fix', fixBy: '', reason: '' }, TODAY)).toEqual({
      ok: false,
      problem: 'fix-date-missing',
    })
    expect(parseItemReply({ kind: 'dispute', fixBy: '', reason: ' Signed in 2024 ' }, TODAY)).toEqual({
      ok: true,
      reply: { kind: 'dispute', reason: 'Signed in 2024' },
    })
    expect(parseItemReply({ kind: '', fixBy: '', reason: '' }, TODAY)).toEqual({ ok: true, reply: { kind: 'none' } })
    expect(parseItemReply({ kind: 'ignore', fixBy: '', reason: '' }, TODAY)).toEqual({
      ok: false,
      problem: 'unknown-kind',
    })
  })

  test('resolved when the re-assessment no longer raises it, whatever the reply', () => {
    const none = { kind: 'none' } as const
    expect(stateAfterVendorReply('open', { reply: none, answersChanged: true, stillRaised: false })).toBe('resolved')
    expect(
      stateAfterVendorReply('open', {
        reply: { kind: 'dispute', reason: 'x' },
        answersChanged: false,
        stillRaised: true,
      }),
    ).toBe('disputed')
    expect(stateAfterVendorReply('overdue', { reply: none, answersChanged: true, stillRaised: true })).toBe('answered')
    expect(
      stateAfterVendorReply('open', {
        reply: { kind: 'will-fix', fixBy: '2027-02-01' },
        answersChanged: false,
        stillRaised: true,
      }),
    ).toBe('answered')
    expect(stateAfterVendorReply('open', { reply: none, answersChanged: false, stillRaised: true })).toBe('open')
  })

  test('an open item is overdue the day after the due date', () => {
    expect(isOverdue('open', '2027-01-10', '2027-01-10')).toBe(false)
    expect(isOverdue('open', '2027-01-10', '2027-01-11')).toBe(true)
    expect(isOverdue('answered', '2027-01-10', '2027-01-11')).toBe(false)
  })
})

describe('risk acceptance', () => {
  const accepted = {
    id: '1',
    ruleId: 'hipaa.baa-required',
    justification: 'BAA in negotiation; no PHI until signed',
    endsOn: '2027-01-31',
    acceptedBy: 'Ada',
    createdAt: '2027-01-01T00:00:00Z',
    withdrawnAt: null,
  }
  test('holds through its end date and lapses the day after; a withdrawn one holds no more', () => {
    expect(activeAcceptancesByRule([accepted], '2027-01-31').get('hipaa.baa-required')).toBe(accepted)
    expect(activeAcceptancesByRule([accepted], '2027-02-01').size).toBe(0)
    expect(activeAcceptancesByRule([{ ...accepted, withdrawnAt: '2027-01-02' }], '2027-01-10').size).toBe(0)
    expect(acceptanceText(accepted)).toBe(
      'Risk accepted until 2027-01-31 by Ada: BAA in negotiation; no PHI until signed',
    )
  })

  test('the form refuses an end date in the past and an empty justification', () => {
    const schema = acceptRiskSchema(TODAY)
    const bad = schema.safeParse({ ruleId: 'a', justification: ' ', endsOn: '2027-01-01' })
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual([
      'Say why the risk is accepted.',
      'The end date cannot be in the past (today is 2027-01-10).',
    ])
  })
})
