import { describe, expect, it } from 'vitest'
import { countryName, isCountryCode, listCountries } from '#app/geography/countries.ts'
import {
  adequacyDecision,
  DOJ_COUNTRIES_OF_CONCERN,
  EU_EEA,
  geography,
  ITAR_126_1_OR_RUSSIA,
  parseGeography,
  US_AND_TERRITORIES,
} from '#app/geography/geography.ts'

describe('countries', () => {
  it('knows ISO 3166-1 alpha-2 codes only, upper case', () => {
    expect(isCountryCode('PR')).toBe(true)
    expect(isCountryCode('HK')).toBe(true)
    expect(isCountryCode('XX')).toBe(false)
    expect(isCountryCode('pr')).toBe(false)
    expect(isCountryCode('USA')).toBe(false)
    expect(listCountries('en').length).toBeGreaterThan(240)
  })

  it('names countries in English, Spanish and Chinese', () => {
    expect(countryName('DE', 'en')).toBe('Germany')
    expect(countryName('DE', 'es')).toBe('Alemania')
    expect(countryName('DE', 'zh')).toBe('德国')
  })
})

describe('geography tables', () => {
  it('US territories and EU/EEA membership', () => {
    expect([...US_AND_TERRITORIES].sort()).toEqual(['AS', 'GU', 'MP', 'PR', 'UM', 'US', 'VI'])
    expect(EU_EEA.size).toBe(30)
    expect(EU_EEA.has('GB')).toBe(false)
    expect(EU_EEA.has('NO')).toBe(true)
  })

  it('DOJ countries of concern include Hong Kong and Macau', () => {
    expect([...DOJ_COUNTRIES_OF_CONCERN].sort()).toEqual(['CN', 'CU', 'HK', 'IR', 'KP', 'MO', 'RU', 'VE'])
  })

  it('export-control lists carry an unverified note and include China and Russia', () => {
    expect(geography.exportControls.itar126_1.unverified).toBe(true)
    expect(geography.exportControls.earD5.unverified).toBe(true)
    expect(ITAR_126_1_OR_RUSSIA.has('CN')).toBe(true)
    expect(ITAR_126_1_OR_RUSSIA.has('RU')).toBe(true)
    expect(ITAR_126_1_OR_RUSSIA.has('IN')).toBe(false)
  })

  it('adequacy decisions are dated: UK to Dec 2031, Brazil from 2026-01-27 flagged, US via DPF only', () => {
    expect(adequacyDecision('GB', '2031-12-27')).toBeDefined()
    expect(adequacyDecision('GB', '2031-12-28')).toBeUndefined()
    expect(adequacyDecision('BR', '2026-01-26')).toBeUndefined()
    expect(adequacyDecision('BR', '2026-01-27')).toMatchObject({ confirmWithCounsel: true })
    expect(adequacyDecision('US', '2026-11-22')).toMatchObject({ requires: 'dpf' })
    expect(adequacyDecision('CA', '2026-11-22')).toMatchObject({ requires: 'pipeda' })
    expect(adequacyDecision('IN', '2026-11-22')).toBeUndefined()
  })

  it('a bad table names the file and path', () => {
    const raw = structuredClone(geography) as unknown as Record<string, unknown>
    ;(raw.territories as { territories: Record<string, string[]> }).territories.US = ['PR', 'XX']
    expect(() => parseGeography(raw as never)).toThrow(
      'questionnaires/geography/territories.json: territories.US.1: is not an ISO 3166-1 alpha-2 country code',
    )
  })
})
