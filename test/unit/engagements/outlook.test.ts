import { describe, expect, test } from 'vitest'
import { dojBulkThresholds, profileOutlook } from '#app/engagements/outlook.ts'
import { ProfileFormSchema } from '#app/engagements/profile-form.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { regimePacks } from '#questionnaires/index.ts'

const TODAY = '2026-11-22'
const profile = (p: Record<string, unknown>) => ProfileSchema.parse({ volumes: {}, flags: {}, purposes: [], ...p })

describe('the outlook a buyer sees while editing the profile', () => {
  test('ITAR technical data for a US buyer: nearshore at most, citing the carve-out', () => {
    const outlook = profileOutlook(
      profile({
        homeCountry: 'US',
        industry: 'defense',
        dataCategories: ['itar-technical-data', 'cui'],
        flags: { dodContractor: true },
      }),
      TODAY,
    )
    // Contract v1.1: every US-home profile is also under US sanctions.
    expect(outlook.regimes.map((r) => r.id)).toEqual(['dfars', 'itar', 'sanctions'])
    expect(outlook.model).toBe('nearshore')
    const itar = outlook.limits.find((l) => l.regime === 'itar')
    expect(itar?.citation).toContain('120.54(a)(5)')
  })

  test('PHI for a US hospital: HIPAA applies and the work may go offshore', () => {
    const outlook = profileOutlook(
      profile({ homeCountry: 'US', industry: 'healthcare', dataCategories: ['phi'] }),
      TODAY,
    )
    expect(outlook.regimes.map((r) => r.id)).toEqual(['hipaa', 'sanctions'])
    expect(outlook.model).toBe('offshore')
    expect(outlook.limits).toEqual([])
  })

  test('a Chinese CIIO exporting personal information: onshore only', () => {
    const outlook = profileOutlook(
      profile({
        homeCountry: 'CN',
        industry: 'technology',
        dataCategories: ['cn-personal-information'],
        flags: { criticalInformationInfrastructureOperator: true },
      }),
      TODAY,
    )
    expect(outlook.regimes.map((r) => r.id)).toContain('pipl')
    expect(outlook.model).toBe('onshore')
  })

  test('no regulated data: no regime', () => {
    const outlook = profileOutlook(
      profile({ homeCountry: 'DE', industry: 'other', dataCategories: ['confidential'] }),
      TODAY,
    )
    expect(outlook.regimes).toEqual([])
    expect(outlook.model).toBe('offshore')
  })
})

describe('the profile form', () => {
  test('turns submitted strings into the contract Profile, zeroing volumes that do not apply', () => {
    const parsed = ProfileFormSchema.parse({
      homeCountry: 'fr',
      industry: 'ecommerce',
      dataCategories: ['eu-personal-data', 'cn-personal-information'],
      purposes: 'cross-border-contract',
      volumes: { cnPersonalInformationIndividuals: '40000', usPersonalHealthData: '12000' },
      flags: { dodContractor: 'on', cmmcLevel: '' },
    })
    expect(parsed).toEqual({
      homeCountry: 'FR',
      industry: 'ecommerce',
      dataCategories: ['eu-personal-data', 'cn-personal-information'],
      volumes: {
        cnPersonalInformationIndividuals: 40000,
        cnSensitivePersonalInformationIndividuals: 0,
        usPersonalHealthData: 0,
        usPersonalFinancialData: 0,
        usCoveredPersonalIdentifiers: 0,
        usBiometricIdentifiers: 0,
        usPreciseGeolocationDevices: 0,
        usHumanGenomicData: 0,
      },
      flags: {
        criticalInformationInfrastructureOperator: false,
        dodContractor: true,
        cmmcLevel: 0,
        usGovernmentRelatedData: false,
        cmmcAssessment: null,
        bankRegulated: false,
        dfarsCloudService: false,
      },
      purposes: ['cross-border-contract'],
    })
  })

  test('refuses an unknown country with a message at the field', () => {
    const result = ProfileFormSchema.safeParse({ homeCountry: 'XX', industry: 'other' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['homeCountry'], message: 'Choose your home country' })
  })
})

describe('the outlook says what its paragraphs say', () => {
  const dojPack = regimePacks.find((pack) => pack.id === 'doj-dsp')!
  /** The pack's own bulk threshold for a volume field (28 CFR 202.205), read from its condition. */
  const packThreshold = (field: string) => {
    const text = JSON.stringify(dojPack.appliesWhen)
    const match = new RegExp(`"fact":"profile\\.volumes\\.${field}","operator":"gt","value":(\\d+)`).exec(text)
    return Number(match?.[1])
  }

  test('bulk US sensitive data: the headline names the DOJ program instead of "no regime restricts"', () => {
    const outlook = profileOutlook(
      profile({
        homeCountry: 'US',
        industry: 'financial-services',
        dataCategories: ['npi', 'us-sensitive-personal-data'],
        volumes: { usPersonalFinancialData: 50_000 },
      }),
      TODAY,
    )
    expect(outlook.regimes.map((r) => r.id)).toContain('doj-dsp')
    expect(outlook.model).toBe('offshore')
    expect(outlook.headline.title).toBe('Offshore is possible, with restrictions')
    expect(outlook.headline.body).toContain('DOJ Data Security Program')
    expect(outlook.headline.body).not.toMatch(/no regime restricts/i)
    expect(outlook.headline.restrictingRegimes).toContain('doj-dsp')
  })

  test('a limit heads the outlook with the regime that sets it', () => {
    const outlook = profileOutlook(
      profile({ homeCountry: 'US', industry: 'defense', dataCategories: ['itar-technical-data'] }),
      TODAY,
    )
    expect(outlook.headline.title).toBe('Nearshore at most')
    expect(outlook.headline.body).toMatch(/^ITAR keeps the data within the home country/)
  })

  test('no regulated data: the headline says no regime applies', () => {
    const outlook = profileOutlook(
      profile({ homeCountry: 'DE', industry: 'other', dataCategories: ['confidential'] }),
      TODAY,
    )
    expect(outlook.headline.title).toBe('No regime applies')
    expect(outlook.carveOuts).toEqual([])
  })

  test('CCPA beside GLBA and HIPAA: the carve-outs for their data, with citations', () => {
    const outlook = profileOutlook(
      profile({
        homeCountry: 'US',
        industry: 'financial-services',
        dataCategories: ['npi', 'phi', 'ca-consumer-personal-information'],
      }),
      TODAY,
    )
    expect(outlook.carveOuts.map((c) => [c.law, c.yieldsTo, c.citation])).toEqual([
      ['ccpa', 'glba', 'Cal. Civ. Code 1798.145(e)'],
      ['ccpa', 'hipaa', 'Cal. Civ. Code 1798.146(a)(1)'],
    ])
    const ccpaOnly = profileOutlook(
      profile({ homeCountry: 'US', industry: 'ecommerce', dataCategories: ['ca-consumer-personal-information'] }),
      TODAY,
    )
    expect(ccpaOnly.carveOuts).toEqual([])
  })

  test('GLBA or HIPAA volumes over a DOJ bulk threshold propose the bulk category, with the pack’s threshold', () => {
    expect(dojBulkThresholds()).toContainEqual({
      field: 'usPersonalFinancialData',
      threshold: packThreshold('usPersonalFinancialData'),
    })
    const financial = packThreshold('usPersonalFinancialData')
    const glba = profileOutlook(
      profile({
        homeCountry: 'US',
        industry: 'financial-services',
        dataCategories: ['npi'],
        volumes: { usPersonalFinancialData: financial + 1 },
      }),
      TODAY,
    )
    expect(glba.regimes.map((r) => r.id)).not.toContain('doj-dsp')
    expect(glba.bulkProposal).toEqual({
      category: 'us-sensitive-personal-data',
      crossed: [
        {
          field: 'usPersonalFinancialData',
          label: 'US persons whose financial data is involved',
          count: financial + 1,
          threshold: financial,
        },
      ],
      citation: '28 CFR 202.205',
    })
    const health = packThreshold('usPersonalHealthData')
    const hipaa = profileOutlook(
      profile({
        homeCountry: 'US',
        industry: 'healthcare',
        dataCategories: ['phi'],
        volumes: { usPersonalHealthData: health + 1 },
      }),
      TODAY,
    )
    expect(hipaa.bulkProposal?.crossed.map((c) => c.field)).toEqual(['usPersonalHealthData'])
    // At the threshold (not more than it), already ticked, or a buyer the program does not bind: none.
    const at = profile({
      homeCountry: 'US',
      industry: 'healthcare',
      dataCategories: ['phi'],
      volumes: { usPersonalHealthData: health },
    })
    expect(profileOutlook(at, TODAY).bulkProposal).toBeNull()
    const ticked = profile({
      homeCountry: 'US',
      industry: 'healthcare',
      dataCategories: ['phi', 'us-sensitive-personal-data'],
      volumes: { usPersonalHealthData: health + 1 },
    })
    expect(profileOutlook(ticked, TODAY).bulkProposal).toBeNull()
    const german = profile({
      homeCountry: 'DE',
      industry: 'healthcare',
      dataCategories: ['phi'],
      volumes: { usPersonalHealthData: health + 1 },
    })
    expect(profileOutlook(german, TODAY).bulkProposal).toBeNull()
  })
})
