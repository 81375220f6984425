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
