import { z } from 'zod'
import exportControlsJson from '../../questionnaires/geography/export-controls.json'
import adequacyJson from '../../questionnaires/geography/gdpr-adequacy.json'
import nearshoreJson from '../../questionnaires/geography/nearshore.json'
import regionsJson from '../../questionnaires/geography/regions.json'
import sanctionsJson from '../../questionnaires/geography/sanctions.json'
import territoriesJson from '../../questionnaires/geography/territories.json'
import { isIsoDate } from '../assessment/dates.ts'
import { isCountryCode } from './countries.ts'

/**
 * Geography as data: the JSON tables in `questionnaires/geography/` validated at load, plus the
 * sets the engine looks countries up in. Everything here is computed once per process.
 */

const CountryCodeSchema = z.string().refine(isCountryCode, { message: 'is not an ISO 3166-1 alpha-2 country code' })
const DateSchema = z.string().refine(isIsoDate, 'must be a real calendar date, YYYY-MM-DD')

export const TerritoriesSchema = z
  .object({ note: z.string(), territories: z.record(CountryCodeSchema, z.array(CountryCodeSchema)) })
  .strict()
export const RegionsSchema = z
  .object({ note: z.string(), regions: z.record(z.string(), z.array(CountryCodeSchema).min(1)) })
  .strict()
const NearshoreEntrySchema = z
  .object({ regions: z.array(z.string()).optional(), countries: z.array(CountryCodeSchema).optional() })
  .strict()
export const NearshoreSchema = z
  .object({
    note: z.string(),
    byHome: z.record(CountryCodeSchema, NearshoreEntrySchema),
    euEeaDefault: NearshoreEntrySchema,
  })
  .strict()
export const AdequacySchema = z
  .object({
    note: z.string(),
    decisions: z.array(
      z
        .object({
          country: CountryCodeSchema,
          decision: z.string().min(1),
          from: DateSchema,
          until: DateSchema.optional(),
          requires: z.enum(['dpf', 'pipeda']).optional(),
          confirmWithCounsel: z.boolean().optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict()
const CountryListSchema = z
  .object({
    citation: z.string().min(1),
    unverified: z.boolean().optional(),
    note: z.string().optional(),
    countries: z.array(CountryCodeSchema).min(1),
  })
  .strict()
export const ExportControlsSchema = z
  .object({
    note: z.string(),
    dojCountriesOfConcern: CountryListSchema,
    itar126_1: CountryListSchema,
    earD5: CountryListSchema,
    earEmbargoed: CountryListSchema,
    russia: CountryCodeSchema,
    mainlandChina: CountryCodeSchema,
  })
  .strict()

export const SanctionsSchema = z
  .object({
    note: z.string(),
    programmes: z.array(
      z
        .object({
          country: CountryCodeSchema,
          name: z.string().min(1),
          scope: z.enum(['comprehensive', 'regions']),
          citation: z.string().min(1),
          from: DateSchema,
          until: DateSchema.optional(),
        })
        .strict()
        .refine((p) => p.until === undefined || p.from <= p.until, {
          path: ['until'],
          message: 'ends before it starts',
        }),
    ),
  })
  .strict()

export type SanctionsProgramme = z.infer<typeof SanctionsSchema>['programmes'][number]
export type AdequacyDecision = z.infer<typeof AdequacySchema>['decisions'][number]

export type Geography = {
  territories: z.infer<typeof TerritoriesSchema>
  regions: z.infer<typeof RegionsSchema>
  nearshore: z.infer<typeof NearshoreSchema>
  adequacy: z.infer<typeof AdequacySchema>
  exportControls: z.infer<typeof ExportControlsSchema>
  sanctions: z.infer<typeof SanctionsSchema>
}

/** Parses every table; a bad table throws with its file name and the JSON path of the problem. */
export function parseGeography(raw: Record<keyof Geography, unknown>): Geography {
  const parse = <T>(file: string, schema: z.ZodType<T>, value: unknown): T => {
    const result = schema.safeParse(value)
    if (!result.success) {
      const issue = result.error.issues[0]!
      throw new Error(`questionnaires/geography/${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
    return result.data
  }
  const geography: Geography = {
    territories: parse('territories.json', TerritoriesSchema, raw.territories),
    regions: parse('regions.json', RegionsSchema, raw.regions),
    nearshore: parse('nearshore.json', NearshoreSchema, raw.nearshore),
    adequacy: parse('gdpr-adequacy.json', AdequacySchema, raw.adequacy),
    exportControls: parse('export-controls.json', ExportControlsSchema, raw.exportControls),
    sanctions: parse('sanctions.json', SanctionsSchema, raw.sanctions),
  }
  for (const [home, entry] of Object.entries(geography.nearshore.byHome)) {
    for (const region of entry.regions ?? []) {
      if (!geography.regions.regions[region]) {
        throw new Error(`questionnaires/geography/nearshore.json: byHome.${home}.regions: unknown region "${region}"`)
      }
    }
  }
  return geography
}

export const geography: Geography = parseGeography({
  territories: territoriesJson,
  regions: regionsJson,
  nearshore: nearshoreJson,
  adequacy: adequacyJson,
  exportControls: exportControlsJson,
  sanctions: sanctionsJson,
})

const regionSet = (...names: string[]) => new Set(names.flatMap((name) => geography.regions.regions[name] ?? []))

export const EU_EEA: ReadonlySet<string> = regionSet('eu', 'eea-efta')
export const US_AND_TERRITORIES: ReadonlySet<string> = new Set(['US', ...(geography.territories.territories.US ?? [])])
export const DOJ_COUNTRIES_OF_CONCERN: ReadonlySet<string> = new Set(
  geography.exportControls.dojCountriesOfConcern.countries,
)
export const ITAR_126_1_OR_RUSSIA: ReadonlySet<string> = new Set([
  ...geography.exportControls.itar126_1.countries,
  geography.exportControls.russia,
])
export const EAR_D5_OR_RUSSIA: ReadonlySet<string> = new Set([
  ...geography.exportControls.earD5.countries,
  geography.exportControls.russia,
])
export const EAR_EMBARGOED: ReadonlySet<string> = new Set(geography.exportControls.earEmbargoed.countries)

export function isEuEea(country: string): boolean {
  return EU_EEA.has(country)
}

const nearshoreCache = new Map<string, ReadonlySet<string>>()

/** The countries that are nearshore for a home country (never the home country itself). */
export function nearshoreFor(home: string): ReadonlySet<string> {
  const cached = nearshoreCache.get(home)
  if (cached) return cached
  const entry = geography.nearshore.byHome[home] ?? (isEuEea(home) ? geography.nearshore.euEeaDefault : undefined)
  const set = new Set<string>([...regionSet(...(entry?.regions ?? [])), ...(entry?.countries ?? [])])
  set.delete(home)
  nearshoreCache.set(home, set)
  return set
}

// Decisions and programmes by country, built once: the engine looks countries up for every vendor.
function byCountry<T extends { country: string }>(items: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>()
  for (const item of items) {
    const list = index.get(item.country)
    if (list) list.push(item)
    else index.set(item.country, [item])
  }
  return index
}
const ADEQUACY_BY_COUNTRY = byCountry(geography.adequacy.decisions)
const SANCTIONS_BY_COUNTRY = byCountry(geography.sanctions.programmes)

const inForce = (from: string, until: string | undefined, asOf: string) =>
  from <= asOf && (until === undefined || asOf <= until)

/** The adequacy decision a country has on `asOf` (YYYY-MM-DD), if any. */
export function adequacyDecision(country: string, asOf: string): AdequacyDecision | undefined {
  for (const decision of ADEQUACY_BY_COUNTRY.get(country) ?? []) {
    if (inForce(decision.from, decision.until, asOf)) return decision
  }
  return undefined
}

/** The sanctions programme of a country in force on `asOf` (YYYY-MM-DD), if any. */
export function sanctionsProgramme(country: string, asOf: string): SanctionsProgramme | undefined {
  const programmes = SANCTIONS_BY_COUNTRY.get(country)
  if (programmes === undefined) return undefined
  for (const programme of programmes) if (inForce(programme.from, programme.until, asOf)) return programme
  return undefined
}
