import { describe, expect, test } from 'vitest'
import { classifyCountry } from '#app/geography/location-class.ts'
import { homeTerritoriesAmong, locationLabel } from '#app/vocabulary/location-class.ts'

describe('location words', () => {
  test('a vendor in Puerto Rico (or another US territory) is nearshore on the map and said to be domestic in law', () => {
    // The engine's class stays what the contract says; only the words add the territory.
    expect(classifyCountry('US', 'PR')).toBe('nearshore')
    for (const territory of ['PR', 'GU', 'VI', 'AS', 'MP']) {
      expect(locationLabel('nearshore', 'US', [territory])).toBe('Nearshore (US territory: domestic in law)')
    }
    expect(locationLabel('nearshore', 'US', ['US', 'PR'])).toBe('Nearshore (US territory: domestic in law)')
    expect(locationLabel('offshore', 'US', ['PR', 'PH'])).toBe('Offshore (includes a US territory, domestic in law)')
  })

  test('elsewhere the class is said alone', () => {
    expect(locationLabel('nearshore', 'US', ['MX'])).toBe('Nearshore')
    expect(locationLabel('offshore', 'US', ['PH'])).toBe('Offshore')
    expect(locationLabel('onshore', 'US', ['US'])).toBe('Onshore')
    // Puerto Rico is a US territory, not a German one.
    expect(locationLabel('offshore', 'DE', ['PR'])).toBe('Offshore')
    expect(homeTerritoriesAmong('US', ['MX', 'PR', 'GU'])).toEqual(['PR', 'GU'])
  })
})
