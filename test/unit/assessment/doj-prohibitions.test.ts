import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// 28 CFR 202.301 (data brokerage with a covered person) and 202.401 with the CISA data-level
// requirements (a covered person who must read identifiable data in the clear): prohibitions, so
// blockers. Since contract v1.1 silence counts as the failing answer too, and the finding then says
// the answer is missing instead of claiming the vendor does it.
const profile = ProfileSchema.parse({
  homeCountry: 'US',
  industry: 'technology',
  dataCategories: ['us-sensitive-personal-data'],
  volumes: { usPersonalHealthData: 20_000 },
})
const coveredVendor: Record<string, unknown> = {
  'company.hqCountry': 'CN',
  'company.incorporationCountry': 'CN',
  'company.majorityOwnerCountry': 'CN',
  'storage.primaryCountries': ['US'],
  'storage.backupCountries': ['US'],
  'access.personnelCountries': ['CN'],
  'access.subprocessorCountries': [],
  'contract.cisaSecurityRequirements': true,
  'handling.plaintextAccessRequired': false,
  'handling.endToEndEncryption': false,
  'contract.dataBrokerage': false,
}
const run = (answers: Record<string, unknown>) =>
  assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf: '2026-11-22' }).assessment

describe('DOJ Data Security Program prohibitions', () => {
  test('with CISA requirements met and no plaintext or brokerage, a covered-person vendor is conditional, not rejected', () => {
    const assessment = run(coveredVendor)
    expect(assessment.applicableRegimes).toEqual(['doj-dsp', 'sanctions'])
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

describe('DOJ fail safe (contract v1.1)', () => {
  test.each([
    ['handling.plaintextAccessRequired', 'doj-dsp.plaintext-for-covered-person'],
    ['contract.dataBrokerage', 'doj-dsp.data-brokerage-to-covered-person'],
    ['contract.cisaSecurityRequirements', 'doj-dsp.covered-person-without-cisa'],
  ])('an unanswered %s rejects with a finding that asks for it, not one that accuses', (questionId, ruleId) => {
    const answers = { ...coveredVendor }
    delete answers[questionId]
    const assessment = run(answers)
    expect(assessment.verdict).toBe('reject')
    const finding = assessment.findings.find((f) => f.ruleId === ruleId)
    expect(finding).toMatchObject({ severity: 'blocker', missingAnswers: [questionId] })
    expect(finding?.message).toMatch(/cannot be confirmed without the vendor's answer/)
    expect(finding?.message).toContain(`(${questionId})`)
    expect(finding?.remediation).toContain(`Ask the vendor to answer ${questionId}`)
  })

  test('the vendor agreement with a covered person is never approved on an empty answer set', () => {
    const assessment = run({})
    expect(assessment.verdict).toBe('reject')
    expect(assessment.regimes).toContainEqual({ id: 'doj-dsp', status: 'non-compliant' })
  })
})
