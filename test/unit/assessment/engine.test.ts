import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { ENGINE_VERSION, RULES_VERSION } from '#app/assessment/version.ts'
import { type ProfileInput, ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { loadScenarios } from './scenario-helpers.ts'

const [german, defense, hospital] = loadScenarios('test/fixtures/contract/v1.1').map((e) => e.scenario)

function run(profileInput: Partial<ProfileInput>, answers: Record<string, unknown>, asOf = '2026-11-22') {
  const profile = ProfileSchema.parse({ homeCountry: 'US', industry: 'other', ...profileInput })
  return assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf })
}

describe('assess', () => {
  it('stamps engine and rules versions, questionnaire and asOf', () => {
    const { assessment } = run({}, {})
    expect(assessment.engine).toEqual({ version: ENGINE_VERSION, rules: RULES_VERSION })
    expect(assessment.engine).toEqual({ version: '1.1.0', rules: '2026.12' })
    expect(assessment.questionnaire).toEqual({ id: 'cross-border-core', version: 2 })
    for (const pack of regimePacks) expect(pack.version, pack.id).toBe(RULES_VERSION)
    expect(assessment.asOf).toBe('2026-11-22')
  })

  it('is deterministic', () => {
    const a = run(hospital!.profile as ProfileInput, hospital!.answers)
    const b = run(hospital!.profile as ProfileInput, hospital!.answers)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('lists applicable regimes sorted by id whatever the pack order', () => {
    const profile = ProfileSchema.parse({
      homeCountry: 'US',
      industry: 'other',
      dataCategories: ['phi', 'eu-personal-data', 'cardholder-data', 'npi'],
    })
    const { assessment } = assess({
      profile,
      questionnaire: coreQuestionnaire,
      answers: {},
      regimes: [...regimePacks].reverse(),
      asOf: '2026-11-22',
    })
    expect(assessment.applicableRegimes).toEqual(['gdpr', 'glba', 'hipaa', 'pci-dss', 'sanctions'])
    expect(assessment.regimes.map((r) => r.id)).toEqual(['gdpr', 'glba', 'hipaa', 'pci-dss', 'sanctions'])
  })

  it('traces every rule of every applicable regime with the leaves it evaluated', () => {
    const { trace } = run(defense!.profile as ProfileInput, defense!.answers)
    const expected = regimePacks
      .filter((p) => ['dfars', 'itar', 'sanctions'].includes(p.id))
      .flatMap((p) => p.rules.map((r) => r.id))
    expect(trace.rules.map((r) => r.ruleId)).toEqual(expected)
    const baa = trace.rules.find((r) => r.ruleId === 'itar.us-only-limit')!
    expect(baa.fired).toBe(true)
    expect(baa.conditions[0]).toEqual({
      fact: 'profile.homeCountry',
      operator: 'in',
      value: ['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'],
      actual: 'US',
      result: true,
    })
    expect(trace.applicability).toHaveLength(11)
    // A rule outside its dates is listed, not evaluated: phase 1's self-assessment rule ended 2026-11-09.
    expect(trace.rules.find((r) => r.ruleId === 'dfars.cmmc-level-2-self-phase-1')).toMatchObject({
      inForce: false,
      fired: false,
      conditions: [],
    })
  })

  it('DOJ thresholds are "more than", and the program binds US-home buyers only', () => {
    const cats = { dataCategories: ['us-sensitive-personal-data'] } as Partial<ProfileInput>
    const regimes = (p: Partial<ProfileInput>) =>
      run(p, {}).assessment.applicableRegimes.filter((r) => r !== 'sanctions')
    expect(regimes({ ...cats, volumes: { usPersonalHealthData: 10_000 } })).toEqual([])
    expect(regimes({ ...cats, volumes: { usPersonalHealthData: 10_001 } })).toEqual(['doj-dsp'])
    expect(regimes({ ...cats, volumes: { usHumanGenomicData: 101 } })).toEqual(['doj-dsp'])
    expect(regimes({ flags: { usGovernmentRelatedData: true } })).toEqual(['doj-dsp'])
    expect(regimes({ homeCountry: 'PR', flags: { usGovernmentRelatedData: true } })).toEqual(['doj-dsp'])
    // 28 CFR 202 binds US persons (regulations.md §21.2): a German buyer is not under it.
    expect(regimes({ homeCountry: 'DE', flags: { usGovernmentRelatedData: true } })).toEqual([])
  })

  it('refusing a BAA rejects; a BAA is never a condition', () => {
    const refused = run(hospital!.profile as ProfileInput, { ...hospital!.answers, 'contract.baa': false }).assessment
    expect(refused.verdict).toBe('reject')
    expect(refused.regimes).toContainEqual({ id: 'hipaa', status: 'non-compliant' })
    expect(refused.findings.find((f) => f.severity === 'blocker')).toMatchObject({
      ruleId: 'hipaa.baa-required',
      citation: '45 CFR 164.308(b)(1); 164.502(e); 164.504(e)',
      questionIds: ['contract.baa'],
    })
    const unanswered = { ...hospital!.answers }
    delete unanswered['contract.baa']
    expect(run(hospital!.profile as ProfileInput, unanswered).assessment.verdict).toBe('reject')
  })

  it('ITAR: offshore without the carve-out needs approvals and caps the model at nearshore', () => {
    const answers = {
      ...defense!.answers,
      'storage.primaryCountries': ['IN'],
      'access.personnelCountries': ['IN'],
      'access.nonUsPersonsAccess': 'yes',
    }
    const { assessment } = run(defense!.profile as ProfileInput, answers)
    expect(assessment.recommendation.model).toBe('nearshore')
    expect(assessment.conditions.map((c) => [c.id, c.kind])).toEqual([
      ['itar.export-licence-required', 'approval'],
      ['itar.deemed-export', 'approval'],
    ])
    expect(assessment.verdict).toBe('approve-with-conditions')
  })

  it('ITAR: the 120.54(a)(5) carve-out lifts the limit', () => {
    const answers = {
      ...defense!.answers,
      'handling.endToEndEncryption': true,
      'handling.plaintextAccessRequired': false,
      'storage.primaryCountries': ['DE'],
    }
    const { assessment } = run({ dataCategories: ['itar-technical-data'] }, answers)
    expect(assessment.recommendation.model).toBe('offshore')
    expect(assessment.recommendation.limits).toEqual([])
  })

  it('PIPL limits the model only for a CN-home buyer', () => {
    const answers = { 'storage.primaryCountries': ['SG'], 'access.personnelCountries': ['SG'] }
    const cnBuyer = run(
      {
        homeCountry: 'CN',
        dataCategories: ['cn-personal-information'],
        volumes: { cnPersonalInformationIndividuals: 2_000_000 },
      },
      answers,
    ).assessment
    expect(cnBuyer.recommendation.model).toBe('onshore')
    expect(cnBuyer.recommendation.reasons[0]).toMatch(/^PIPL/)
    expect(cnBuyer.conditions.map((c) => c.kind)).toEqual(['approval'])
    const usBuyer = run(
      {
        homeCountry: 'US',
        dataCategories: ['cn-personal-information'],
        volumes: { cnPersonalInformationIndividuals: 2_000_000 },
      },
      answers,
    ).assessment
    expect(usBuyer.recommendation.model).toBe('offshore')
    expect(usBuyer.conditions.map((c) => c.id)).toEqual(['pipl.security-assessment'])
  })

  it('a CN-home buyer keeping data in mainland China needs nothing', () => {
    const { assessment } = run(
      {
        homeCountry: 'CN',
        dataCategories: ['cn-personal-information'],
        volumes: { cnPersonalInformationIndividuals: 500_000 },
      },
      {
        'storage.primaryCountries': ['CN'],
        'storage.backupCountries': ['CN'],
        'access.personnelCountries': ['CN'],
        'storage.usesSubprocessors': false,
      },
    )
    expect(assessment).toMatchObject({ locationClass: 'onshore', verdict: 'approve', conditions: [] })
  })

  it('an expired certificate is reported in the register and warnings', () => {
    const { assessment } = run(
      {},
      { 'certifications.held': [{ type: 'iso27001', issued: '2020-01-01', expires: '2023-01-01' }] },
    )
    expect(assessment.certifications).toEqual([expect.objectContaining({ type: 'iso27001', status: 'expired' })])
    expect(assessment.warnings.join('\n')).toContain('iso27001')
  })

  it('warns and fails safe when no location is answered', () => {
    const { assessment } = run({}, {})
    expect(assessment.locationClass).toBe('offshore')
    expect(assessment.warnings[0]).toMatch(/No storage/)
  })

  it('the German example scores per section within 0..100', () => {
    const { assessment } = run(german!.profile as ProfileInput, german!.answers)
    expect(assessment.sections.length).toBeGreaterThan(3)
    for (const section of assessment.sections) expect(section.score).toBeGreaterThanOrEqual(0)
    expect(assessment.score).toBeGreaterThan(0)
    expect(assessment.score).toBeLessThanOrEqual(100)
  })
})

describe('engine purity', () => {
  // The engine must bundle for the browser: no Node built-ins, no Remix, no database, no fs.
  const files = [
    'app/assessment/engine.ts',
    'app/conditions/condition.ts',
    'app/assessment/derived-facts.ts',
    'app/assessment/certificates.ts',
    'app/assessment/dates.ts',
    'app/assessment/score.ts',
    'app/assessment/regime-pack.ts',
    'app/assessment/version.ts',
    'app/assessment/cli.ts',
    'app/assessment/format-text.ts',
    'app/geography/countries.ts',
    'app/geography/geography.ts',
    'app/geography/location-class.ts',
    'app/questionnaire/answers.ts',
    'app/questionnaire/visibility.ts',
    'app/regulations/profile.ts',
    'questionnaires/index.ts',
  ]
  it.each(files)('%s imports nothing server-only', (file) => {
    const source = readFileSync(file, 'utf8')
    const imports = [...source.matchAll(/(?:from|import) '([^']+)'/g)].map((m) => m[1]!)
    for (const spec of imports) {
      expect(spec).not.toMatch(/^node:|^fs$|^path$|remix|#db|\.server/)
    }
  })
})
