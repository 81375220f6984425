import { describe, expect, it } from 'vitest'
import { assess, residualRiskOf } from '#app/assessment/engine.ts'
import { type ProfileInput, ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { loadScenarios } from './scenario-helpers.ts'

// Contract v1.1, "Unknown and unanswered (fail safe)": what a finding that rests on a missing answer
// says, how regimes and residual risk read, and how a response on an older questionnaire is treated.
const [, , hospital] = loadScenarios('test/fixtures/contract/v1.1').map((e) => e.scenario)
const v1 = getQuestionnaire('cross-border-core', 1)!

function run(
  profileInput: Partial<ProfileInput>,
  answers: Record<string, unknown>,
  { asOf = '2026-12-01', questionnaire = coreQuestionnaire } = {},
) {
  const profile = ProfileSchema.parse({ homeCountry: 'US', industry: 'other', ...profileInput })
  return assess({ profile, questionnaire, answers, regimes: regimePacks, asOf })
}
const hospitalProfile = hospital!.profile as Partial<ProfileInput>

describe('a rule that fires on a missing answer', () => {
  const answers = { ...hospital!.answers }
  delete answers['handling.encryptionInTransit']
  const finding = run(hospitalProfile, answers).assessment.findings.find(
    (f) => f.ruleId === 'hipaa.encryption-in-transit',
  )!

  it('keeps the rule’s severity and citation', () => {
    expect(finding).toMatchObject({ severity: 'medium', citation: '45 CFR 164.312(e)(1)-(2)' })
  })

  it('says the answer is missing and asks for it, naming the question, without claiming the bad fact', () => {
    expect(finding.missingAnswers).toEqual(['handling.encryptionInTransit'])
    expect(finding.message).toContain('not answered: “How is our data protected when it travels over networks?”')
    expect(finding.message).not.toMatch(/PHI is not encrypted in transit/)
    expect(finding.remediation).toMatch(/^Ask the vendor to answer handling\.encryptionInTransit\./)
    expect(finding.questionIds).toContain('handling.encryptionInTransit')
  })

  it('says "unknown" apart from "not answered"', () => {
    const unknown = run(
      { dataCategories: ['itar-technical-data'] },
      { ...hospital!.answers, 'access.nonUsPersonsAccess': 'unknown', 'handling.plaintextAccessRequired': false },
    ).assessment.conditions.find((c) => c.id === 'itar.deemed-export')!
    expect(unknown.missingAnswers).toEqual(['access.nonUsPersonsAccess'])
    expect(unknown.text).toContain('answered “unknown”: “Can anyone who is not a US person reach our data?”')
  })

  it('the same answer given badly reads as the plain finding', () => {
    const bad = run(hospitalProfile, { ...hospital!.answers, 'handling.encryptionInTransit': 'none' })
    const plain = bad.assessment.findings.find((f) => f.ruleId === 'hipaa.encryption-in-transit')!
    expect(plain.message).toBe('PHI is not encrypted in transit.')
    expect(plain.missingAnswers).toBeUndefined()
  })
})

describe('regimes and verdicts on missing answers', () => {
  it('no regime is compliant on a rule whose every input is unanswered, even when the rule is only medium', () => {
    const answers = {
      ...hospital!.answers,
      'handling.accessLogging': true,
      'storage.restrictedCountryReplication': 'no',
    }
    const complete = run(hospitalProfile, { ...answers, 'handling.keyLocationCountries': ['US'] }).assessment
    expect(complete.regimes).toEqual([
      { id: 'hipaa', status: 'compliant' },
      { id: 'sanctions', status: 'compliant' },
    ])
    const withoutLogging = { ...answers, 'handling.keyLocationCountries': ['US'] } as Record<string, unknown>
    delete withoutLogging['handling.accessLogging']
    const missing = run(hospitalProfile, withoutLogging).assessment
    expect(missing.findings.find((f) => f.ruleId === 'hipaa.audit-controls')?.severity).toBe('medium')
    expect(missing.regimes).toContainEqual({ id: 'hipaa', status: 'conditional' })
    expect(missing.verdict).toBe('approve')
  })

  it('a rule with some inputs answered leaves the regime’s status to its findings', () => {
    // The sanctions country lists are partly answered (only the key location is missing).
    const { assessment } = run(hospitalProfile, { ...hospital!.answers, 'storage.restrictedCountryReplication': 'no' })
    expect(assessment.findings.find((f) => f.ruleId === 'sanctions.country-answers-missing')).toBeDefined()
    expect(assessment.regimes).toContainEqual({ id: 'sanctions', status: 'compliant' })
  })

  it('a mechanism whose agreement is unanswered is not listed beside the blocker that asks for it', () => {
    const answers = {
      'storage.primaryCountries': ['IN'],
      'storage.backupCountries': ['IN'],
      'access.personnelCountries': ['IN'],
      'access.subprocessorCountries': [],
      'contract.gdprDpa': true,
    }
    const { assessment } = run({ homeCountry: 'DE', dataCategories: ['eu-personal-data'] }, answers)
    expect(assessment.findings.find((f) => f.ruleId === 'gdpr.no-transfer-mechanism')).toMatchObject({
      severity: 'blocker',
      missingAnswers: ['contract.gdprScc'],
    })
    expect(assessment.conditions).toEqual([])
    // Where the location, not the agreement, is unknown, the mechanism stays: it is the way through.
    const unknownPlace = run(
      { homeCountry: 'DE', dataCategories: ['eu-personal-data'] },
      {
        ...answers,
        'contract.gdprScc': true,
        'storage.backupCountries': undefined,
        'storage.primaryCountries': ['DE'],
      },
    ).assessment
    expect(unknownPlace.conditions.map((c) => c.id)).toEqual(['gdpr.scc'])
  })
})

describe('a response on an older questionnaire version', () => {
  const profile = {
    homeCountry: 'CN',
    dataCategories: ['cn-personal-information'],
    volumes: { cnPersonalInformationIndividuals: 300_000 },
  } as Partial<ProfileInput>
  const answers = {
    'storage.primaryCountries': ['SG'],
    'storage.backupCountries': ['SG'],
    'access.personnelCountries': ['SG'],
    'access.subprocessorCountries': [],
    'contract.cacStandardContract': false,
    'contract.pipiaSupport': true,
    'incident.chinaReporting': true,
  }

  it('fails safe on a question v1 never asked, and says it was not asked rather than accusing the vendor', () => {
    const { assessment } = run(profile, answers, { questionnaire: v1 })
    expect(assessment.questionnaire).toEqual({ id: 'cross-border-core', version: 1 })
    const finding = assessment.findings.find((f) => f.ruleId === 'pipl.no-contract-or-certification')!
    expect(finding).toMatchObject({ severity: 'blocker', notAsked: ['contract.cnPiCertification'] })
    expect(finding.missingAnswers).toBeUndefined()
    expect(finding.message).toContain(
      'not asked in this questionnaire version (cross-border-core v1): contract.cnPiCertification',
    )
    expect(finding.remediation).toContain('remediation request')
  })

  it('with the answer v2 asks, the same vendor gets through by the certification route', () => {
    const { assessment } = run(profile, { ...answers, 'contract.cnPiCertification': true })
    expect(assessment.verdict).toBe('approve-with-conditions')
    expect(assessment.conditions.map((c) => c.id)).toEqual(['pipl.pi-certification'])
  })
})

describe('rules dated by law', () => {
  it('a rule outside its dates is not applied, and the trace says so', () => {
    const profile = { dataCategories: ['cardholder-data'] } as Partial<ProfileInput>
    const answers = { 'handling.mfaForAllAccess': false }
    const before = run(profile, answers, { asOf: '2025-03-30' })
    const after = run(profile, answers, { asOf: '2025-03-31' })
    const rule = (r: ReturnType<typeof run>, id: string) => r.trace.rules.find((t) => t.ruleId === id)!
    expect(rule(before, 'pci-dss.mfa-into-cde')).toMatchObject({ inForce: false, fired: false })
    expect(rule(before, 'pci-dss.mfa-admin-access')).toMatchObject({ inForce: true, fired: true })
    expect(rule(after, 'pci-dss.mfa-into-cde')).toMatchObject({ inForce: true, fired: true, outcome: 'true' })
    expect(rule(after, 'pci-dss.mfa-admin-access')).toMatchObject({ inForce: false })
  })

  it('the ISO 27001 edition matters only once 2013 certificates are void', () => {
    const answers = { 'certifications.held': [{ type: 'iso27001', issued: '2024-05-01', expires: '2027-04-30' }] }
    const ids = (asOf: string) =>
      run({ dataCategories: ['phi'] }, answers, { asOf }).assessment.findings.map((f) => f.ruleId)
    expect(ids('2025-10-31')).not.toContain('certificates.iso27001-edition')
    expect(ids('2025-11-01')).toContain('certificates.iso27001-edition')
  })
})

describe('residual risk (contract v1.1)', () => {
  it('is critical with a blocker, high with a high finding or a score below 50, medium with a medium one or below 70, else low', () => {
    expect(residualRiskOf([{ severity: 'blocker' }], 100)).toBe('critical')
    expect(residualRiskOf([{ severity: 'high' }], 100)).toBe('high')
    expect(residualRiskOf([], 49)).toBe('high')
    expect(residualRiskOf([], 50)).toBe('medium')
    expect(residualRiskOf([{ severity: 'medium' }, { severity: 'low' }], 95)).toBe('medium')
    expect(residualRiskOf([], 69)).toBe('medium')
    expect(residualRiskOf([{ severity: 'low' }, { severity: 'info' }], 70)).toBe('low')
  })

  it('tells an approve with weak controls from a clean one', () => {
    const weak = run({}, { ...hospital!.answers, 'handling.mfaForAllAccess': false })
    expect(weak.assessment.verdict).toBe('approve')
    expect(['medium', 'high']).toContain(weak.assessment.residualRisk)
    expect(run({ dataCategories: ['phi'] }, {}).assessment.residualRisk).toBe('critical')
  })
})
