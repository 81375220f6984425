import { nearshoreFor } from './geography.ts'

export const LOCATION_CLASSES = ['onshore', 'nearshore', 'offshore'] as const
export type LocationClass = (typeof LOCATION_CLASSES)[number]

const RANK: Record<LocationClass, number> = { onshore: 0, nearshore: 1, offshore: 2 }

export function furthest(a: LocationClass, b: LocationClass): LocationClass {
  return RANK[a] >= RANK[b] ? a : b
}

export function nearest(a: LocationClass, b: LocationClass): LocationClass {
  return RANK[a] <= RANK[b] ? a : b
}

export function classifyCountry(home: string, country: string): LocationClass {
  if (country === home) return 'onshore'
  return nearshoreFor(home).has(country) ? 'nearshore' : 'offshore'
}

/**
 * The contract's location class: `onshore` when every country reached is the home country, else the
 * furthest class among them. With no country at all we cannot tell where data goes, so we fail
 * safe and say `offshore` (the engine also warns).
 */
export function locationClassOf(home: string, countriesReached: readonly string[]): LocationClass {
  if (countriesReached.length === 0) return 'offshore'
  let result: LocationClass = 'onshore'
  for (const country of countriesReached) {
    result = furthest(result, classifyCountry(home, country))
    if (result === 'offshore') break
  }
  return result
}
