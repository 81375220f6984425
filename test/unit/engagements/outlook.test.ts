import { describe, expect, test } from 'vitest'
import { profileOutlook } from '#app/engagements/outlook.ts'
import { ProfileFormSchema } from '#app/engagements/profile-form.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'

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
