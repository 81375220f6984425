import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// 28 CFR 202.301 (data brokerage with a covered person) and 202.401 with the CISA data-level
// requirements (a covered person who must read identifiable data in the clear): prohibitions, so
// blockers, but only on the vendor's explicit "yes" — silence must not reject (contract fail-safe).
const profile = ProfileSchema.parse({
  homeCountry: 'US',
  industry: 'technology',
  dataCategories: ['us-sensitive-personal-data'],
  volumes: { usPersonalHealthData: 20_000 },
})
const coveredVendor = {
  'company.hqCountry': 'CN',
  'company.incorporationCountry': 'CN',
  'company.majorityOwnerCountry': 'CN',
  'storage.primaryCountries': ['US'],
  'storage.backupCountries': ['US'],
  'access.personnelCountries': ['CN'],
  'access.subprocessorCountries': [],
  'contract.cisaSecurityRequirements': true,
}
const run = (answers: Record<string, unknown>) =>
  assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf: '2026-11-22' }).assessment

describe('DOJ Data Security Program prohibitions', () => {
  test('with CISA requirements met and no plaintext or brokerage, a covered-person vendor is conditional, not rejected', () => {
    const assessment = run(coveredVendor)
    expect(assessment.applicableRegimes).toEqual(['doj-dsp'])
    expect(assessment.verdict).toBe('approve-with-conditions')
    expect(assessment.conditions.map((c) => c.id)).toContain('doj-dsp.cisa-security-requirements')
  })

  test.each([
    ['handling.plaintextAccessRequired', 'doj-dsp.plaintext-for-covered-person', '202.401'],
    ['contract.dataBrokerage', 'doj-dsp.data-brokerage-to-covered-person', '202.301'],
  ])('an explicit yes to %s rejects the vendor, citing the rule', (questionId, ruleId, citation) => {
    const assessment = run({ ...coveredVendor, [questionId]: true })
    expect(assessment.verdict).toBe('reject')
    const finding = assessment.findings.find((f) => f.ruleId === ruleId)
    expect(finding?.severity).toBe('blocker')
    expect(finding?.citation).toContain(citation)
    expect(assessment.regimes).toContainEqual({ id: 'doj-dsp', status: 'non-compliant' })
  })
})
