import { describe, expect, it } from 'vitest'
import { DERIVED_FACT_INPUTS, deriveFacts } from '#app/assessment/derived-facts.ts'
import { type ProfileInput, ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'

const profile = (input: Partial<ProfileInput> = {}) =>
  ProfileSchema.parse({ homeCountry: 'US', industry: 'other', ...input })
const derive = (answers: Record<string, unknown>, input: Partial<ProfileInput> = {}, asOf = '2026-11-22') =>
  deriveFacts(profile(input), answers, asOf)
const everywhere = (...countries: string[]) => ({
  'storage.primaryCountries': countries,
  'storage.backupCountries': countries,
  'access.personnelCountries': countries,
  'access.subprocessorCountries': countries,
})

describe('derived facts', () => {
  it('unanswered is unknown, never "no": the facts are undefined and name the questions to ask', () => {
    const facts = derive({})
    expect(facts).toMatchObject({
      anyLocationAnswered: false,
      locationClass: 'offshore',
      itarCarveOutMet: undefined,
      nonUsPersonAccessPossible: undefined,
      vendorIsUsPerson: undefined,
      vendorIsDojCoveredPerson: undefined,
      allDataInUsOrTerritories: undefined,
      validCertificationTypes: undefined,
    })
    expect(facts.missing.nonUsPersonAccessPossible).toEqual(['access.nonUsPersonsAccess'])
    expect(facts.missing.vendorIsUsPerson).toEqual(['company.incorporationCountry'])
    expect(facts.missing.itarCarveOutMet).toEqual([
      'handling.endToEndEncryption',
      'handling.fips140Validated',
      'handling.plaintextAccessRequired',
      'storage.primaryCountries',
      'storage.backupCountries',
    ])
  })

  it('an answer that settles a fact settles it even when others are missing', () => {
    // Storage in China is storage in a 126.1 country whatever the backup answer.
    expect(derive({ 'storage.primaryCountries': ['CN'] }).anyStorageIn126_1OrRussia).toBe(true)
    expect(derive({ 'storage.primaryCountries': ['DE'] }).anyStorageIn126_1OrRussia).toBeUndefined()
    expect(derive({ 'handling.endToEndEncryption': false }).itarCarveOutMet).toBe(false)
  })

  it('collects countries from storage, backup, personnel and subprocessors; a missing list makes the vendor offshore', () => {
    const answers = {
      'storage.primaryCountries': ['US'],
      'storage.backupCountries': ['PR'],
      'access.personnelCountries': ['PR'],
      'access.subprocessorCountries': ['GU'],
    }
    const facts = derive(answers)
    expect(facts.countriesReached).toEqual(['GU', 'PR', 'US'])
    expect(facts.locationClass).toBe('nearshore')
    expect(facts.allDataInUsOrTerritories).toBe(true)
    const withoutPersonnel = derive({ ...answers, 'access.personnelCountries': undefined })
    expect(withoutPersonnel).toMatchObject({
      locationClass: 'offshore',
      allDataInUsOrTerritories: undefined,
      locationListsMissing: ['access.personnelCountries'],
    })
  })

  it('a vendor without subprocessors has no subprocessor countries to give', () => {
    const base = { ...everywhere('US'), 'access.subprocessorCountries': undefined }
    expect(derive({ ...base, 'storage.usesSubprocessors': false })).toMatchObject({
      allDataInUsOrTerritories: true,
      hasSubprocessors: false,
    })
    expect(derive({ ...base, 'storage.usesSubprocessors': true })).toMatchObject({
      allDataInUsOrTerritories: undefined,
      hasSubprocessors: true,
    })
    expect(derive(base).missing.allDataInUsOrTerritories).toEqual([
      'storage.usesSubprocessors',
      'access.subprocessorCountries',
    ])
    // A list given decides (the contract examples answer the list, not the yes/no).
    expect(derive({ ...everywhere('US'), 'access.subprocessorCountries': [] }).hasSubprocessors).toBe(false)
  })

  it('ITAR carve-out: E2E + FIPS, nobody needs plaintext, no storage in a 126.1 country or Russia', () => {
    const good = {
      'handling.endToEndEncryption': true,
      'handling.fips140Validated': true,
      'handling.plaintextAccessRequired': false,
      'storage.primaryCountries': ['DE'],
      'storage.backupCountries': ['IE'],
    }
    expect(derive(good).itarCarveOutMet).toBe(true)
    expect(derive({ ...good, 'handling.fips140Validated': false }).itarCarveOutMet).toBe(false)
    expect(derive({ ...good, 'storage.backupCountries': ['RU'] }).itarCarveOutMet).toBe(false)
    expect(derive({ ...good, 'handling.plaintextAccessRequired': true }).itarCarveOutMet).toBe(false)
    // Contract v1.1: an unanswered plaintext question cannot let the carve-out pass.
    expect(derive({ ...good, 'handling.plaintextAccessRequired': undefined }).itarCarveOutMet).toBeUndefined()
    // Personnel in China do not store anything; the carve-out is about storage (a separate rule blocks access).
    expect(derive({ ...good, 'access.personnelCountries': ['CN'] })).toMatchObject({
      itarCarveOutMet: true,
      anyAccessIn126_1OrRussia: true,
    })
  })

  it('DOJ covered person: organised outside the US and in, run from or owned from a country of concern, alone or in aggregate', () => {
    const sg = { 'company.incorporationCountry': 'SG', 'company.hqCountry': 'SG', 'company.majorityOwnerCountry': 'SG' }
    expect(derive({ ...sg, 'company.incorporationCountry': 'CN' }).vendorIsDojCoveredPerson).toBe(true)
    expect(derive({ ...sg, 'company.hqCountry': 'HK' }).vendorIsDojCoveredPerson).toBe(true)
    expect(derive({ ...sg, 'company.majorityOwnerCountry': 'RU' }).vendorIsDojCoveredPerson).toBe(true)
    // 30 % HK + 25 % RU: no single majority owner, but 55 % in aggregate (202.211(a)).
    const aggregate = { ...sg, 'company.majorityOwnerCountry': null, 'company.countryOfConcernOwnership': 'yes' }
    expect(derive(aggregate).vendorIsDojCoveredPerson).toBe(true)
    expect(derive({ ...aggregate, 'company.countryOfConcernOwnership': 'no' }).vendorIsDojCoveredPerson).toBe(false)
    // `unknown`, or both ownership answers missing, cannot clear a vendor (contract v1.1).
    expect(derive({ ...aggregate, 'company.countryOfConcernOwnership': 'unknown' })).toMatchObject({
      vendorIsDojCoveredPerson: undefined,
      missing: { vendorIsDojCoveredPerson: ['company.countryOfConcernOwnership'] },
    })
    expect(
      derive({ 'company.incorporationCountry': 'SG', 'company.hqCountry': 'SG' }).missing.vendorIsDojCoveredPerson,
    ).toEqual(['company.majorityOwnerCountry', 'company.countryOfConcernOwnership'])
    // A US- or territory-organised company is a US person even when foreign-owned.
    expect(derive({ 'company.incorporationCountry': 'US', 'company.majorityOwnerCountry': 'CN' })).toMatchObject({
      vendorIsUsPerson: true,
      vendorIsDojCoveredPerson: false,
      dojRestrictedTransaction: false,
    })
    expect(derive({ 'company.incorporationCountry': 'PR', 'company.hqCountry': 'MO' }).vendorIsDojCoveredPerson).toBe(
      false,
    )
  })

  it('DOJ access: personnel in a country of concern, "yes" or "unknown", split by who the vendor is', () => {
    const usVendor = { 'company.incorporationCountry': 'US', ...everywhere('US') }
    expect(derive({ ...usVendor, 'access.personnelCountries': ['VE'] })).toMatchObject({
      coveredPersonAccess: true,
      dojUsPersonVendorCoveredAccess: true,
      dojRestrictedTransaction: false,
    })
    expect(derive({ ...usVendor, 'access.countryOfConcernPersonnel': 'unknown' }).personnelInCountryOfConcern).toBe(
      undefined,
    )
    expect(derive({ ...usVendor, 'access.countryOfConcernPersonnel': 'no' })).toMatchObject({
      personnelInCountryOfConcern: false,
      coveredPersonAccess: false,
    })
    const indianVendor = {
      'company.incorporationCountry': 'IN',
      'company.hqCountry': 'IN',
      'company.majorityOwnerCountry': 'IN',
      'company.countryOfConcernOwnership': 'no',
      ...everywhere('IN'),
      'access.countryOfConcernPersonnel': 'yes',
    }
    expect(derive(indianVendor)).toMatchObject({ vendorIsDojCoveredPerson: false, dojRestrictedTransaction: true })
  })

  it('covered persons see plaintext when the work needs it (or it is not answered) and there is no end-to-end encryption', () => {
    expect(
      derive({ 'handling.plaintextAccessRequired': true, 'handling.endToEndEncryption': false }).plaintextMayBeSeen,
    ).toBe(true)
    expect(
      derive({ 'handling.plaintextAccessRequired': false, 'handling.endToEndEncryption': false }).plaintextMayBeSeen,
    ).toBe(false)
    expect(
      derive({ 'handling.plaintextAccessRequired': true, 'handling.endToEndEncryption': true }).plaintextMayBeSeen,
    ).toBe(false)
    expect(derive({ 'handling.endToEndEncryption': false }).plaintextMayBeSeen).toBeUndefined()
  })

  it('GDPR adequacy: US only with DPF, UK until Dec 2031, Brazil from 2026-01-27 flagged', () => {
    const eu: Partial<ProfileInput> = { homeCountry: 'DE', dataCategories: ['eu-personal-data'] }
    expect(derive(everywhere('US'), eu)).toMatchObject({
      gdprNonAdequateCountries: [],
      gdprTransferToNonAdequate: undefined,
      missing: { gdprTransferToNonAdequate: ['contract.dpfCertified'] },
    })
    expect(derive({ ...everywhere('US'), 'contract.dpfCertified': false }, eu).gdprTransferToNonAdequate).toBe(true)
    expect(derive({ ...everywhere('US'), 'contract.dpfCertified': true }, eu).gdprTransferToNonAdequate).toBe(false)
    expect(derive(everywhere('GB', 'FR'), eu).gdprTransferToNonAdequate).toBe(false)
    expect(derive(everywhere('GB'), eu, '2032-01-01').gdprNonAdequateCountries).toEqual(['GB'])
    expect(derive(everywhere('BR'), eu)).toMatchObject({ gdprNonAdequateCountries: [], gdprAdequacyToConfirm: ['BR'] })
    expect(derive(everywhere('BR'), eu, '2026-01-26').gdprNonAdequateCountries).toEqual(['BR'])
    expect(derive(everywhere('IN', 'CA'), eu).gdprNonAdequateCountries).toEqual(['IN'])
  })

  it('China: inclusive thresholds (以上), exemptions only when every purpose is exempt, and the mainland boundary', () => {
    const cn = (volumes: Record<string, number>, extra: Partial<ProfileInput> = {}) =>
      ({ homeCountry: 'CN', dataCategories: ['cn-personal-information'], volumes, ...extra }) as Partial<ProfileInput>
    const abroad = everywhere('SG')
    const band = (volumes: Record<string, number>, extra: Partial<ProfileInput> = {}) => {
      const facts = derive(abroad, cn(volumes, extra))
      return facts.cnSecurityAssessmentRequired
        ? 'assessment'
        : facts.cnContractOrCertificationRequired
          ? 'contract'
          : 'none'
    }
    expect(band({ cnPersonalInformationIndividuals: 99_999 })).toBe('none')
    expect(band({ cnPersonalInformationIndividuals: 100_000 })).toBe('contract')
    expect(band({ cnPersonalInformationIndividuals: 999_999 })).toBe('contract')
    expect(band({ cnPersonalInformationIndividuals: 1_000_000 })).toBe('assessment')
    expect(band({ cnSensitivePersonalInformationIndividuals: 1 })).toBe('contract')
    expect(band({ cnSensitivePersonalInformationIndividuals: 9_999 })).toBe('contract')
    expect(band({ cnSensitivePersonalInformationIndividuals: 10_000 })).toBe('assessment')
    expect(band({ cnPersonalInformationIndividuals: 500_000 }, { purposes: ['cross-border-contract'] })).toBe('none')
    expect(band({ cnPersonalInformationIndividuals: 500_000 }, { purposes: ['cross-border-hr', 'emergency'] })).toBe(
      'none',
    )
    // One non-exempt purpose brings the volume back (Art. 5(1)-(3) cover only their own flows).
    expect(
      band({ cnPersonalInformationIndividuals: 500_000 }, { purposes: ['cross-border-contract', 'marketing'] }),
    ).toBe('contract')
    // Art. 3 purposes exempt only data without PI: never PI.
    expect(band({ cnPersonalInformationIndividuals: 500_000 }, { purposes: ['international-trade'] })).toBe('contract')
    expect(band({}, { flags: { criticalInformationInfrastructureOperator: true } })).toBe('assessment')
    expect(derive({ ...everywhere('CN') }, cn({ cnPersonalInformationIndividuals: 2_000_000 }))).toMatchObject({
      cnDataLeavesMainland: false,
      cnExportNeedsSecurityAssessment: true,
      cnSecurityAssessmentRequired: false,
    })
    expect(derive({ ...everywhere('CN'), 'storage.backupCountries': ['HK'] }, cn({}))).toMatchObject({
      cnDataLeavesMainland: true,
      cnReachesHkMoTw: true,
    })
    expect(derive({}, cn({ cnPersonalInformationIndividuals: 2_000_000 })).cnSecurityAssessmentRequired).toBeUndefined()
  })

  it('certificates: only valid or expiring ones count; CMMC meets a level by assessor', () => {
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
    expect(facts).toMatchObject({ cmmcLevelMetSelf: true, cmmcLevelMetC3pao: false, cmmcLevelMetDibcac: false })
    const c3pao = { 'certifications.held': [{ type: 'cmmc-l3', issued: '2026-01-15', assessor: 'dibcac' }] }
    expect(derive(c3pao, { flags: { cmmcLevel: 2 } })).toMatchObject({
      cmmcLevelMetSelf: true,
      cmmcLevelMetC3pao: true,
      cmmcLevelMetDibcac: true,
    })
    expect(derive({ 'certifications.held': [] }, { flags: { cmmcLevel: 1 } }).cmmcLevelMetSelf).toBe(false)
    expect(derive({}, { flags: { cmmcLevel: 1 } }).cmmcLevelMetSelf).toBeUndefined()
  })

  it('a FedRAMP authorisation counts while its annual assessment is current', () => {
    const fedramp = (issued: string) => ({ 'certifications.held': [{ type: 'fedramp-moderate', issued }] })
    expect(derive(fedramp('2026-01-10')).fedrampAuthorized).toBe(true)
    expect(derive(fedramp('2025-11-21')).fedrampAuthorized).toBe(false)
  })
})

describe('CMMC status dates', () => {
  const l2 = (issued: string, extra: Record<string, unknown> = {}) => ({
    'certifications.held': [{ type: 'cmmc-l2', issued, ...extra }],
  })
  it('S23: a conditional status lapses 180 days after its status date', () => {
    const conditional = l2('2025-12-01', { status: 'conditional', assessor: 'c3pao' })
    expect(derive(conditional, { flags: { cmmcLevel: 2 } }, '2026-05-30').cmmcLevelMetC3pao).toBe(true)
    expect(derive(conditional, { flags: { cmmcLevel: 2 } }, '2026-07-01').cmmcLevelMetC3pao).toBe(false)
    // A certificate without a status of its own defers to the SPRS status answer.
    expect(derive(l2('2025-12-01'), {}, '2026-07-01')).toMatchObject({
      cmmcCertificatesWithoutStatus: true,
      cmmcConditionalWindowOver: true,
    })
    expect(derive(conditional, {}, '2026-07-01').cmmcCertificatesWithoutStatus).toBe(false)
  })

  it('the annual affirmation is overdue after 12 months, and unknown when not given', () => {
    expect(
      derive({ ...l2('2025-01-15'), 'dod.cmmcAffirmationDate': '2026-01-10' }, {}, '2026-07-01').cmmcAffirmationOverdue,
    ).toBe(false)
    expect(
      derive({ ...l2('2025-01-15'), 'dod.cmmcAffirmationDate': '2025-01-15' }, {}, '2026-07-01').cmmcAffirmationOverdue,
    ).toBe(true)
    expect(derive(l2('2025-01-15'), {}, '2026-07-01').cmmcAffirmationOverdue).toBeUndefined()
    expect(derive(l2('2026-01-15'), {}, '2026-07-01').cmmcAffirmationOverdue).toBe(false)
  })
})

describe('sanctions facts', () => {
  it('judge the answered countries on the assessment date: Syria only until 2025-06-30', () => {
    const syria = { ...everywhere('DE'), 'company.hqCountry': 'SY' }
    expect(derive(syria, {}, '2025-06-30')).toMatchObject({ anySanctionedCountry: true, sanctionedCountries: ['SY'] })
    expect(derive(syria, {}, '2025-07-01')).toMatchObject({ anySanctionedCountry: false, sanctionedCountries: [] })
  })

  it('name every country field, the key location included; regions of Ukraine are asked about', () => {
    expect(derive({ 'handling.keyLocationCountries': ['IR'] }).sanctionedCountries).toEqual(['IR'])
    expect(
      derive({ 'company.majorityOwnerCountry': 'CU', 'access.subprocessorCountries': ['KP'] }).sanctionedCountries,
    ).toEqual(['CU', 'KP'])
    expect(derive({ 'access.personnelCountries': ['UA'] })).toMatchObject({
      anySanctionedCountry: false,
      anySanctionsRegion: true,
      sanctionsRegionCountries: ['UA'],
    })
  })

  it('an unanswered list is asked for, never treated as clean', () => {
    const all = {
      'company.hqCountry': 'IN',
      'company.incorporationCountry': 'IN',
      'company.majorityOwnerCountry': null,
      ...everywhere('IN'),
      'handling.encryptionAtRest': 'customer-managed-keys',
      'handling.keyLocationCountries': ['IN'],
    }
    expect(derive(all).sanctionsCountriesAnswered).toBe(true)
    expect(derive({ ...all, 'handling.keyLocationCountries': undefined })).toMatchObject({
      sanctionsCountriesAnswered: undefined,
      missing: { sanctionsCountriesAnswered: ['handling.keyLocationCountries'] },
    })
    // No encryption at rest: there are no keys to locate.
    expect(
      derive({ ...all, 'handling.keyLocationCountries': undefined, 'handling.encryptionAtRest': 'none' })
        .sanctionsCountriesAnswered,
    ).toBe(true)
  })
})

describe('DERIVED_FACT_INPUTS', () => {
  it('names only questions of the newest questionnaire', () => {
    const ids = new Set(coreQuestionnaire.sections.flatMap((s) => s.questions.map((q) => q.id)))
    for (const [fact, inputs] of Object.entries(DERIVED_FACT_INPUTS))
      for (const id of inputs) expect(ids.has(id), `${fact}: ${id}`).toBe(true)
  })

  it('lists every question a fact reported missing (the coverage check trusts it)', () => {
    const facts = derive(
      {},
      { dataCategories: ['cn-personal-information'], homeCountry: 'CN', flags: { cmmcLevel: 2 } },
    )
    for (const [fact, missing] of Object.entries(facts.missing)) {
      for (const id of missing ?? [])
        expect(DERIVED_FACT_INPUTS[fact as keyof typeof DERIVED_FACT_INPUTS], fact).toContain(id)
    }
  })
})

describe('lists answered but empty', () => {
  it('name no place at all, so "all in the US" stays unknown and asks for the lists again', () => {
    const facts = derive({ ...everywhere(), 'access.subprocessorCountries': [] })
    expect(facts.allDataInUsOrTerritories).toBeUndefined()
    expect(facts.missing.allDataInUsOrTerritories).toEqual([
      'storage.primaryCountries',
      'storage.backupCountries',
      'access.personnelCountries',
      'access.subprocessorCountries',
    ])
    expect(
      derive({ 'storage.primaryCountries': [], 'storage.backupCountries': [] }).missing.allStorageInUsOrTerritories,
    ).toEqual(['storage.primaryCountries', 'storage.backupCountries'])
  })
})
