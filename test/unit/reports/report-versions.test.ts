import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import type { QuestionnaireDefinition } from '#app/questionnaire/definition.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { buildVendorReport, type ReportInput } from '#app/reports/report-model.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// A DoD contractor's engineering records: CUI, so DFARS reads whether FIPS modules are FIPS 140-3,
// which questionnaire v1 never asked (v2 does: handling.fipsVersion).
const profile = ProfileSchema.parse({
  homeCountry: 'US',
  industry: 'defense',
  dataCategories: ['cui'],
  flags: { dodContractor: true, cmmcLevel: 2 },
})
const answers: Record<string, unknown> = {
  'company.hqCountry': 'US',
  'company.incorporationCountry': 'US',
  'storage.primaryCountries': ['US'],
  'handling.fips140Validated': true,
}
const v1 = getQuestionnaire('cross-border-core', 1)!
const v2 = getQuestionnaire('cross-border-core', 2)!

function report(questionnaire: QuestionnaireDefinition, given = answers, extra: Partial<ReportInput> = {}) {
  const { assessment } = assess({ profile, questionnaire, answers: given, regimes: regimePacks, asOf: '2026-12-02' })
  return buildVendorReport({
    engagement: { id: 'eng-1', name: 'Engineering records' },
    profile,
    vendor: {
      invitationId: 'inv-1',
      company: 'Isla Engineering Records',
      country: 'PR',
      contactName: 'Marisol',
      contactEmail: 'marisol@example.com',
      status: 'submitted',
      submittedAt: '2026-11-20T09:00:00.000Z',
    },
    questionnaire,
    answers: Object.entries(given).map(([questionId, value]) => ({
      questionId,
      value,
      version: 1,
      updatedAt: '2026-11-20T09:00:00.000Z',
    })),
    evidence: [],
    assessment,
    decisions: [],
    today: '2026-12-02',
    ...extra,
  }).assessment!
}

describe('a v1 response under rules that read questions v1 never asked', () => {
  test('the report says so plainly: which questions, that the finding is an unknown, and how to ask', () => {
    const a = report(v1)
    expect(a.notAsked?.questions).toEqual([
      { id: 'handling.fipsVersion', prompt: 'Are all of these modules validated under FIPS 140-3?' },
    ])
    expect(a.notAsked?.text).toContain('This vendor answered questionnaire cross-border-core v1, which did not ask')
    expect(a.notAsked?.text).toContain(
      'findings marked “Not asked in v1” say what is unknown, not what the vendor does',
    )
    expect(a.notAsked?.text).toContain('remediation request (questionnaire v2 asks it)')
    const fips = a.findings.find((f) => f.ruleId === 'dfars.fips-140-2-historical')
    expect(fips?.notAskedLabel).toBe('Not asked in v1')
    expect(fips?.triggeredBy).toContainEqual({
      questionId: 'handling.fipsVersion',
      prompt: 'Are all of these modules validated under FIPS 140-3?',
      answer: 'Not asked in this questionnaire version (cross-border-core v1)',
    })
  })

  test('a v2 response that answered it has no such note and no mark', () => {
    const a = report(v2, { ...answers, 'handling.fipsVersion': 'fips-140-3' })
    expect(a.notAsked).toBeUndefined()
    expect(a.findings.every((f) => f.notAskedLabel === undefined)).toBe(true)
  })
})

describe('a verdict a rules release changed', () => {
  test('the report says when, from what to what, and the rules behind it in words', () => {
    const a = report(
      v2,
      { ...answers, 'company.hqCountry': 'IR', 'handling.fipsVersion': 'fips-140-3' },
      {
        verdictChange: {
          at: '2026-12-02T14:00:00.000Z',
          from: { verdict: 'approve' },
          to: { verdict: 'reject', rules: '2026.12', engine: '1.1.0' },
          because: [
            {
              id: 'sanctions.comprehensively-sanctioned-country',
              kind: 'blocker',
              citation: '31 CFR 560',
              fires: true,
            },
            { id: 'old.rule', kind: 'blocker', citation: 'old cite', fires: false },
          ],
        },
      },
    )
    expect(a.verdictChange?.text).toBe(
      'On 2 December 2026 Shoreline re-assessed this vendor under rules release 2026.12 (engine 1.1.0): the verdict changed from Approve to Reject. The answers did not change; the law the rules apply did.',
    )
    expect(a.verdictChange?.reasons[0]?.text).toMatch(
      /^Now a blocker \(31 CFR 560\): The vendor names a country under comprehensive US sanctions/,
    )
    expect(a.verdictChange?.reasons[1]).toEqual({
      ruleId: 'old.rule',
      text: 'No longer a blocker (old cite): rule old.rule no longer fires on these answers under these rules.',
    })
  })

  test('without one, nothing is said', () => {
    expect(report(v2).verdictChange).toBeUndefined()
  })
})
