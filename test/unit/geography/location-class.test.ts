import { describe, expect, it } from 'vitest'
import { classifyCountry, locationClassOf } from '#app/geography/location-class.ts'

describe('location class', () => {
  it('US buyer: territories and the Americas are nearshore, the rest offshore', () => {
    for (const country of ['PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'CA', 'MX', 'CR', 'PA', 'JM', 'DO', 'CO', 'BR', 'AR']) {
      expect(classifyCountry('US', country), country).toBe('nearshore')
    }
    for (const country of ['IN', 'PH', 'IE', 'GB', 'CN', 'VN'])
      expect(classifyCountry('US', country), country).toBe('offshore')
    expect(classifyCountry('US', 'US')).toBe('onshore')
  })

  it('EU/EEA buyer: other EU/EEA states, the UK and Switzerland are nearshore', () => {
    for (const country of ['FR', 'IE', 'PT', 'NO', 'IS', 'LI', 'GB', 'CH'])
      expect(classifyCountry('DE', country)).toBe('nearshore')
    for (const country of ['US', 'IN', 'TR', 'RS']) expect(classifyCountry('DE', country)).toBe('offshore')
  })

  it('CN buyer: nothing is nearshore, not even Hong Kong, Macau or Taiwan', () => {
    for (const country of ['HK', 'MO', 'TW', 'KR', 'JP']) expect(classifyCountry('CN', country)).toBe('offshore')
  })

  it('other home countries default to nothing nearshore', () => {
    expect(classifyCountry('IN', 'LK')).toBe('offshore')
    expect(classifyCountry('GB', 'IE')).toBe('nearshore')
    expect(classifyCountry('CA', 'US')).toBe('nearshore')
  })

  it('onshore only when every country is the home country; else the furthest', () => {
    expect(locationClassOf('US', ['US'])).toBe('onshore')
    expect(locationClassOf('US', ['US', 'PR'])).toBe('nearshore')
    expect(locationClassOf('US', ['US', 'PR', 'IN'])).toBe('offshore')
    expect(locationClassOf('DE', ['DE', 'IE'])).toBe('nearshore')
    // Nothing answered: fail safe.
    expect(locationClassOf('US', [])).toBe('offshore')
  })
})
