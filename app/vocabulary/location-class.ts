import territoriesJson from '../../questionnaires/geography/territories.json'
import type { LocationClass } from '../geography/location-class.ts'

/**
 * The engine's location classes as the app shows them (the vendor's class and the recommended
 * model), in the dashboard, the reports and their PDFs. `LocationClass` and its list are the
 * engine's (`app/geography/location-class.ts`); this module adds only the words.
 */
export const LOCATION_LABELS: Record<LocationClass, string> = {
  onshore: 'Onshore',
  nearshore: 'Nearshore',
  offshore: 'Offshore',
}

/**
 * The label of the engine's `recommendation.model`: the furthest model the law allows the work to go
 * with this vendor, a ceiling, not advice to go that far (which "Recommended model" read as). Every
 * page, PDF, diff and the CLI's text output use this one label.
 */
export const FURTHEST_ALLOWED_LABEL = 'Furthest allowed'

// Territories that belong to a home country (a small JSON file, so the dashboard's browser code can
// read it too; app/geography/geography.ts validates the same file for the engine).
const TERRITORIES: Record<string, readonly string[]> = territoriesJson.territories

/**
 * The territories of the buyer's home country among the countries given (Puerto Rico, Guam, the
 * US Virgin Islands, American Samoa, the Northern Mariana Islands for a US buyer).
 */
export function homeTerritoriesAmong(home: string, countries: readonly string[]): string[] {
  const own = TERRITORIES[home] ?? []
  return countries.filter((c) => own.includes(c))
}

/**
 * The location class as shown, with what the map hides: a vendor in Puerto Rico is nearshore by
 * distance, yet a US territory, domestic in US law. The engine's class is not changed (the contract
 * classes by country); only the words say it. "Nearshore (US territory: domestic in law)".
 */
export function locationLabel(locationClass: LocationClass, home: string, countries: readonly string[]): string {
  const label = LOCATION_LABELS[locationClass]
  if (locationClass === 'onshore' || homeTerritoriesAmong(home, countries).length === 0) return label
  const all = countries.every((c) => c === home || homeTerritoriesAmong(home, [c]).length > 0)
  return all
    ? `${label} (${home} territory: domestic in law)`
    : `${label} (includes a ${home} territory, domestic in law)`
}
