import { describe, expect, it } from 'vitest'
import { parseProfile } from '#app/regulations/profile.ts'

describe('parseProfile', () => {
  it('fills defaults: volumes 0, flags false/0 (v1.1: cmmcAssessment null), purposes []', () => {
    const { profile } = parseProfile({
      homeCountry: 'DE',
      industry: 'ecommerce',
      dataCategories: ['eu-personal-data'],
      volumes: {},
      flags: {},
    })
    expect(profile).toEqual({
      homeCountry: 'DE',
      industry: 'ecommerce',
      dataCategories: ['eu-personal-data'],
      volumes: {
        cnPersonalInformationIndividuals: 0,
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
        dodContractor: false,
        cmmcLevel: 0,
        cmmcAssessment: null,
        usGovernmentRelatedData: false,
        bankRegulated: false,
        dfarsCloudService: false,
      },
      purposes: [],
    })
  })

  it('reads the v1.1 flags and refuses an assessment the contract does not name', () => {
    const { profile } = parseProfile({
      homeCountry: 'US',
      industry: 'defense',
      flags: { cmmcLevel: 2, cmmcAssessment: 'c3pao', bankRegulated: true, dfarsCloudService: true },
    })
    expect(profile?.flags).toMatchObject({ cmmcAssessment: 'c3pao', bankRegulated: true, dfarsCloudService: true })
    const bad = parseProfile({ homeCountry: 'US', industry: 'defense', flags: { cmmcAssessment: 'third-party' } })
    expect(bad.issues.map((i) => i.path)).toEqual(['profile.flags.cmmcAssessment'])
  })

  it('reports each bad field with its contract path', () => {
    const { issues } = parseProfile({
      homeCountry: 'XX',
      industry: 'shipping',
      dataCategories: ['phi', 'gossip'],
      volumes: { usPersonalHealthData: -1 },
      flags: { cmmcLevel: 4 },
      purposes: ['tourism'],
    })
    expect(issues.map((i) => i.path)).toEqual([
      'profile.homeCountry',
      'profile.industry',
      'profile.dataCategories[1]',
      'profile.volumes.usPersonalHealthData',
      'profile.flags.cmmcLevel',
      'profile.purposes[0]',
    ])
    expect(issues[0]!.message).toBe('"XX" is not an ISO 3166-1 alpha-2 country code')
  })

  it('territories, Hong Kong and Macau are countries of their own', () => {
    for (const homeCountry of ['PR', 'GU', 'VI', 'AS', 'MP', 'HK', 'MO']) {
      expect(parseProfile({ homeCountry, industry: 'other' }).issues).toEqual([])
    }
  })
})
