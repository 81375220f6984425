import { describe, expect, it } from 'vitest'
import { deriveFacts } from '#app/assessment/derived-facts.ts'
import { type ProfileInput, ProfileSchema } from '#app/regulations/profile.ts'

const profile = (input: Partial<ProfileInput> = {}) =>
  ProfileSchema.parse({ homeCountry: 'US', industry: 'other', ...input })
const derive = (answers: Record<string, unknown>, input: Partial<ProfileInput> = {}, asOf = '2026-11-22') =>
  deriveFacts(profile(input), answers, asOf)

describe('derived facts', () => {
  it('unanswered means no: no carve-out, possible foreign access, not a US person', () => {
    const facts = derive({})
    expect(facts).toMatchObject({
      anyLocationAnswered: false,
      locationClass: 'offshore',
      itarCarveOutMet: false,
      earCarveOutMet: false,
      nonUsPersonAccessPossible: true,
      vendorIsUsPerson: false,
      vendorIsDojCoveredPerson: false,
      allDataInUsOrTerritories: false,
      validCertificationTypes: [],
    })
  })

  it('collects countries from storage, backup, personnel and subprocessors', () => {
    const facts = derive({
      'storage.primaryCountries': ['US'],
      'storage.backupCountries': ['PR'],
      'access.personnelCountries': ['PR'],
      'access.subprocessorCountries': ['GU'],
    })
    expect(facts.countriesReached).toEqual(['GU', 'PR', 'US'])
    expect(facts.locationClass).toBe('nearshore')
    expect(facts.allDataInUsOrTerritories).toBe(true)
  })

  it('ITAR carve-out: E2E + FIPS and no storage in a 126.1 country or Russia', () => {
    const good = {
      'handling.endToEndEncryption': true,
      'handling.fips140Validated': true,
      'storage.primaryCountries': ['DE'],
    }
    expect(derive(good).itarCarveOutMet).toBe(true)
    expect(derive({ ...good, 'handling.fips140Validated': false }).itarCarveOutMet).toBe(false)
    expect(derive({ ...good, 'storage.backupCountries': ['RU'] }).itarCarveOutMet).toBe(false)
    expect(derive({ ...good, 'handling.plaintextAccessRequired': true }).itarCarveOutMet).toBe(false)
    // Personnel in China do not store anything; the carve-out is about storage (a separate rule blocks access).
    expect(derive({ ...good, 'access.personnelCountries': ['CN'] })).toMatchObject({
      itarCarveOutMet: true,
      anyAccessIn126_1OrRussia: true,
    })
  })

  it('DOJ covered person: organised outside the US and in, run from or owned from a country of concern', () => {
    expect(derive({ 'company.incorporationCountry': 'CN' }).vendorIsDojCoveredPerson).toBe(true)
    expect(derive({ 'company.incorporationCountry': 'SG', 'company.hqCountry': 'HK' }).vendorIsDojCoveredPerson).toBe(
      true,
    )
    expect(
      derive({ 'company.incorporationCountry': 'SG', 'company.hqCountry': 'SG', 'company.majorityOwnerCountry': 'RU' })
        .vendorIsDojCoveredPerson,
    ).toBe(true)
    // A US- or territory-organised company is a US person even when foreign-owned.
    expect(derive({ 'company.incorporationCountry': 'US', 'company.majorityOwnerCountry': 'CN' })).toMatchObject({
      vendorIsDojCoveredPerson: false,
      coveredPersonAccess: false,
    })
    expect(derive({ 'company.incorporationCountry': 'PR', 'company.hqCountry': 'MO' }).vendorIsDojCoveredPerson).toBe(
      false,
    )
    // Personnel in a country of concern give covered persons access anyway.
    expect(
      derive({ 'company.incorporationCountry': 'US', 'access.personnelCountries': ['VE'] }).coveredPersonAccess,
    ).toBe(true)
  })

  it('GDPR adequacy: US only with DPF, UK until Dec 2031, Brazil from 2026-01-27 flagged', () => {
    const eu: Partial<ProfileInput> = { homeCountry: 'DE', dataCategories: ['eu-personal-data'] }
    expect(derive({ 'access.personnelCountries': ['US'] }, eu).gdprNonAdequateCountries).toEqual(['US'])
    expect(
      derive({ 'access.personnelCountries': ['US'], 'contract.dpfCertified': true }, eu).gdprNonAdequateCountries,
    ).toEqual([])
    expect(derive({ 'access.personnelCountries': ['GB', 'FR'] }, eu).gdprNonAdequateCountries).toEqual([])
    expect(derive({ 'access.personnelCountries': ['GB'] }, eu, '2032-01-01').gdprNonAdequateCountries).toEqual(['GB'])
    expect(derive({ 'access.personnelCountries': ['BR'] }, eu)).toMatchObject({
      gdprNonAdequateCountries: [],
      gdprAdequacyToConfirm: ['BR'],
    })
    expect(derive({ 'access.personnelCountries': ['BR'] }, eu, '2026-01-26').gdprNonAdequateCountries).toEqual(['BR'])
    expect(derive({ 'access.personnelCountries': ['IN', 'CA'] }, eu).gdprNonAdequateCountries).toEqual(['IN'])
  })

  it('China: thresholds, exemptions and the mainland boundary', () => {
    const cn = (volumes: Record<string, number>, extra: Partial<ProfileInput> = {}) =>
      ({ homeCountry: 'CN', dataCategories: ['cn-personal-information'], volumes, ...extra }) as Partial<ProfileInput>
    const abroad = { 'storage.primaryCountries': ['SG'] }
    expect(derive(abroad, cn({ cnPersonalInformationIndividuals: 99_999 }))).toMatchObject({
      cnDataLeavesMainland: true,
      cnStandardContractRequired: false,
      cnSecurityAssessmentRequired: false,
    })
    expect(derive(abroad, cn({ cnPersonalInformationIndividuals: 100_000 })).cnStandardContractRequired).toBe(true)
    expect(derive(abroad, cn({ cnSensitivePersonalInformationIndividuals: 1 })).cnStandardContractRequired).toBe(true)
    expect(derive(abroad, cn({ cnPersonalInformationIndividuals: 1_000_001 })).cnSecurityAssessmentRequired).toBe(true)
    expect(derive(abroad, cn({ cnSensitivePersonalInformationIndividuals: 10_001 })).cnSecurityAssessmentRequired).toBe(
      true,
    )
    expect(
      derive(abroad, cn({ cnPersonalInformationIndividuals: 500_000 }, { purposes: ['cross-border-contract'] })),
    ).toMatchObject({ cnExemptPurpose: true, cnStandardContractRequired: false })
    expect(
      derive(abroad, cn({}, { flags: { criticalInformationInfrastructureOperator: true } }))
        .cnSecurityAssessmentRequired,
    ).toBe(true)
    expect(
      derive({ 'storage.primaryCountries': ['CN'] }, cn({ cnPersonalInformationIndividuals: 2_000_000 })),
    ).toMatchObject({
      cnDataLeavesMainland: false,
      cnExportNeedsSecurityAssessment: true,
      cnSecurityAssessmentRequired: false,
    })
    expect(derive({ 'storage.primaryCountries': ['CN', 'HK'] }, cn({}))).toMatchObject({
      cnDataLeavesMainland: true,
      cnReachesHkMoTw: true,
    })
  })

  it('certificates: only valid or expiring ones count, CMMC level compared with the profile', () => {
    const facts = derive(
      {
        'certifications.held': [
          { type: 'cmmc-l2', issued: '2026-01-15' },
          { type: 'soc2-type2', issued: '2025-01-31' },
        ],
      },
      { flags: { cmmcLevel: 2 } },
    )
    expect(facts.validCertificationTypes).toEqual(['cmmc-l2'])
    expect(facts.lapsedCertificationTypes).toEqual(['soc2-type2'])
    expect(facts).toMatchObject({ cmmcLevelHeld: 2, cmmcLevelMet: true })
    expect(derive({}, { flags: { cmmcLevel: 1 } }).cmmcLevelMet).toBe(false)
  })
})

describe('CMMC status dates', () => {
  const l2 = (issued: string) => ({ 'certifications.held': [{ type: 'cmmc-l2', issued }] })
  it('S23: a conditional status lapses 180 days after its status date', () => {
    const conditional = { ...l2('2025-12-01'), 'dod.cmmcStatus': 'conditional' }
    expect(derive(conditional, { flags: { cmmcLevel: 2 } }, '2026-05-30').cmmcConditionalLapsed).toBe(false)
    expect(derive(conditional, { flags: { cmmcLevel: 2 } }, '2026-07-01').cmmcConditionalLapsed).toBe(true)
    expect(derive({ ...conditional, 'dod.cmmcStatus': 'final' }, {}, '2026-07-01').cmmcConditionalLapsed).toBe(false)
  })

  it('the annual affirmation is overdue after 12 months', () => {
    expect(
      derive({ ...l2('2025-01-15'), 'dod.cmmcAffirmationDate': '2026-01-10' }, {}, '2026-07-01').cmmcAffirmationOverdue,
    ).toBe(false)
    expect(
      derive({ ...l2('2025-01-15'), 'dod.cmmcAffirmationDate': '2025-01-15' }, {}, '2026-07-01').cmmcAffirmationOverdue,
    ).toBe(true)
    expect(derive(l2('2026-01-15'), {}, '2026-07-01').cmmcAffirmationOverdue).toBe(false)
  })
})
