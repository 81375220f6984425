import { describe, expect, test } from 'vitest'
import { profileOutlook } from '#app/engagements/outlook.ts'
import { ProfileFormSchema, profileFlagLines, profileFormValues } from '#app/engagements/profile-form.ts'
import { type Profile, ProfileSchema } from '#app/regulations/profile.ts'

const TODAY = '2026-12-02'

/** What a plain form post sends: strings, one per field (checkboxes only when ticked). */
function posted(fields: Record<string, unknown>) {
  const { flags, ...rest } = fields
  return { homeCountry: 'US', industry: 'defense', dataCategories: [], purposes: [], ...rest, flags: flags ?? {} }
}
const flagsOf = (fields: Record<string, unknown>) => ProfileFormSchema.parse(posted(fields)).flags

describe('contract v1.1 profile facts in the engagement form', () => {
  test('a bank or an FTC-regulated lender, as the buyer chose, for GLBA data', () => {
    expect(flagsOf({ dataCategories: ['npi'], flags: { bankRegulated: 'true' } }).bankRegulated).toBe(true)
    expect(flagsOf({ dataCategories: ['npi'], flags: { bankRegulated: 'false' } }).bankRegulated).toBe(false)
  })

  test('a GLBA buyer that did not say is held to the bank expectations (fail safe)', () => {
    expect(flagsOf({ dataCategories: ['npi'] }).bankRegulated).toBe(true)
    expect(flagsOf({ dataCategories: ['npi'], flags: { bankRegulated: '' } }).bankRegulated).toBe(true)
  })

  test('without GLBA data the supervisor is no fact at all, whatever a hidden field still holds', () => {
    expect(flagsOf({ dataCategories: ['phi'], flags: { bankRegulated: 'true' } }).bankRegulated).toBe(false)
  })

  test('a DoD cloud service under 252.239-7010 counts only where DFARS applies', () => {
    expect(flagsOf({ dataCategories: ['cui'], flags: { dfarsCloudService: 'on' } }).dfarsCloudService).toBe(true)
    expect(flagsOf({ flags: { dodContractor: 'on', dfarsCloudService: 'on' } }).dfarsCloudService).toBe(true)
    expect(flagsOf({ flags: { dodContractor: 'on' } }).dfarsCloudService).toBe(false)
    expect(flagsOf({ dataCategories: ['phi'], flags: { dfarsCloudService: 'on' } }).dfarsCloudService).toBe(false)
  })

  test('the CMMC assessment the contract asks for; unset, the phase-in decides (null)', () => {
    const dod = (flags: Record<string, unknown>) => flagsOf({ flags: { dodContractor: 'on', ...flags } })
    expect(dod({ cmmcLevel: '2', cmmcAssessment: 'self' }).cmmcAssessment).toBe('self')
    expect(dod({ cmmcLevel: '3', cmmcAssessment: 'dibcac' }).cmmcAssessment).toBe('dibcac')
    expect(dod({ cmmcLevel: '2', cmmcAssessment: '' }).cmmcAssessment).toBeNull()
    expect(dod({ cmmcLevel: '2' }).cmmcAssessment).toBeNull()
    // No level required, or no DFARS: the assessment is no fact.
    expect(dod({ cmmcLevel: '0', cmmcAssessment: 'self' }).cmmcAssessment).toBeNull()
    expect(flagsOf({ flags: { cmmcLevel: '2', cmmcAssessment: 'self' } }).cmmcAssessment).toBeNull()
  })

  test('an assessment that is not on the list gets a message at the field', () => {
    const result = ProfileFormSchema.safeParse(
      posted({ flags: { dodContractor: 'on', cmmcLevel: '2', cmmcAssessment: 'auditor' } }),
    )
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['flags', 'cmmcAssessment'],
      message: 'Choose one of the listed assessments',
    })
  })

  test('a stored profile shown in the form and saved unchanged stays exactly the same', () => {
    const stored: Profile[] = [
      ProfileSchema.parse({ homeCountry: 'US', industry: 'financial-services', dataCategories: ['npi'] }),
      ProfileSchema.parse({
        homeCountry: 'US',
        industry: 'financial-services',
        dataCategories: ['npi', 'cardholder-data'],
        flags: { bankRegulated: true },
      }),
      ProfileSchema.parse({
        homeCountry: 'US',
        industry: 'defense',
        dataCategories: ['cui', 'itar-technical-data'],
        flags: { dodContractor: true, cmmcLevel: 2, cmmcAssessment: 'c3pao', dfarsCloudService: true },
      }),
      ProfileSchema.parse({ homeCountry: 'US', industry: 'defense', flags: { dodContractor: true, cmmcLevel: 1 } }),
    ]
    for (const profile of stored) expect(ProfileFormSchema.parse(profileFormValues(profile))).toEqual(profile)
  })

  test('a new GLBA profile starts from the bank choice; one saved as FTC-regulated shows that', () => {
    expect(profileFormValues({ dataCategories: [], flags: {} }).flags).toMatchObject({ bankRegulated: 'true' })
    expect(profileFormValues({ dataCategories: ['npi'], flags: { bankRegulated: false } }).flags).toMatchObject({
      bankRegulated: 'false',
    })
    // A form sent back after an error holds strings.
    expect(profileFormValues({ dataCategories: 'npi', flags: { bankRegulated: 'false' } }).flags).toMatchObject({
      bankRegulated: 'false',
    })
  })
})

describe('the outlook follows the new facts', () => {
  test('a DoD cloud service: nearshore at most, citing 252.239-7010; without it, DFARS does not limit location', () => {
    const profile = (dfarsCloudService: string | undefined) =>
      ProfileFormSchema.parse(
        posted({ dataCategories: ['cui'], flags: { dodContractor: 'on', cmmcLevel: '2', dfarsCloudService } }),
      )
    const cloud = profileOutlook(profile('on'), TODAY)
    expect(cloud.model).toBe('nearshore')
    expect(cloud.limits).toContainEqual(
      expect.objectContaining({ regime: 'dfars', citation: expect.stringContaining('252.239-7010') }),
    )
    const notCloud = profileOutlook(profile(undefined), TODAY)
    expect(notCloud.model).toBe('offshore')
    expect(notCloud.limits).toEqual([])
  })
})

describe('the profile in plain words (reports)', () => {
  test('names the supervisor, the cloud service and the CMMC assessment', () => {
    expect(
      profileFlagLines(
        ProfileSchema.parse({
          homeCountry: 'US',
          industry: 'financial-services',
          dataCategories: ['npi', 'cui'],
          flags: { dodContractor: true, cmmcLevel: 2, cmmcAssessment: 'self', dfarsCloudService: true },
        }),
      ),
    ).toEqual([
      'We hold US Department of Defense contracts',
      'DoD contracts require CMMC Level 2 (a self-assessment)',
      'The work is a DoD cloud service (DFARS 252.239-7010)',
      'A financial institution under the FTC Safeguards Rule',
    ])
    expect(
      profileFlagLines(
        ProfileSchema.parse({
          homeCountry: 'US',
          industry: 'financial-services',
          dataCategories: ['npi'],
          flags: { cmmcLevel: 2, bankRegulated: true },
        }),
      ),
    ).toEqual([
      'DoD contracts require CMMC Level 2 (the assessment the phase-in requires)',
      'A bank or bank service provider (OCC, Federal Reserve or FDIC)',
    ])
  })
})

describe('the industry', () => {
  test('is not chosen for the buyer: a blank industry is refused with a clear message', () => {
    const result = ProfileFormSchema.safeParse({ homeCountry: 'US', industry: '', dataCategories: ['npi'] })
    expect(result.success).toBe(false)
    expect(result.error?.issues.find((issue) => issue.path.join('.') === 'industry')?.message).toBe(
      'Choose the industry closest to yours',
    )
  })
})
