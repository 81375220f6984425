import { z } from 'zod'
import { isCountryCode } from '../geography/countries.ts'

/** The buyer's regulatory profile (contract: "Profile"). Missing volumes, flags and purposes default. */

export const INDUSTRIES = [
  'healthcare',
  'financial-services',
  'defense',
  'public-sector',
  'ecommerce',
  'technology',
  'manufacturing',
  'other',
] as const

export const DATA_CATEGORIES = [
  'phi',
  'npi',
  'cardholder-data',
  'cui',
  'itar-technical-data',
  'ear-technology',
  'eu-personal-data',
  'cn-personal-information',
  'cn-sensitive-personal-information',
  'cn-important-data',
  'us-sensitive-personal-data',
  'ca-consumer-personal-information',
  'confidential',
] as const

export const CN_PURPOSES = [
  'cross-border-contract',
  'cross-border-hr',
  'emergency',
  'international-trade',
  'cross-border-transport',
  'academic-cooperation',
  'manufacturing',
  'marketing',
] as const

export const REGIME_IDS = [
  'hipaa',
  'glba',
  'pci-dss',
  'itar',
  'ear',
  'dfars',
  'doj-dsp',
  'gdpr',
  'pipl',
  'ccpa',
  'sanctions',
] as const
export type RegimeId = (typeof REGIME_IDS)[number]

export const CountryCodeSchema = z.string().refine(isCountryCode, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an ISO 3166-1 alpha-2 country code`,
})

const count = z.number().int().min(0).default(0)

export const VolumesSchema = z
  .object({
    cnPersonalInformationIndividuals: count,
    cnSensitivePersonalInformationIndividuals: count,
    usPersonalHealthData: count,
    usPersonalFinancialData: count,
    usCoveredPersonalIdentifiers: count,
    usBiometricIdentifiers: count,
    usPreciseGeolocationDevices: count,
    usHumanGenomicData: count,
  })
  .strict()

/** The assessment a buyer's DoD contract clause asks for (contract v1.1; null: the 32 CFR 170.3(e) phase decides). */
export const CMMC_ASSESSMENTS = ['self', 'c3pao', 'dibcac'] as const
export type CmmcAssessment = (typeof CMMC_ASSESSMENTS)[number]

export const FlagsSchema = z
  .object({
    criticalInformationInfrastructureOperator: z.boolean().default(false),
    dodContractor: z.boolean().default(false),
    cmmcLevel: z.number().int().min(0).max(3).default(0),
    cmmcAssessment: z.enum(CMMC_ASSESSMENTS).nullable().default(null),
    usGovernmentRelatedData: z.boolean().default(false),
    /** A bank or bank service provider supervised by the OCC, Fed or FDIC; otherwise GLBA means the FTC Safeguards Rule. */
    bankRegulated: z.boolean().default(false),
    /** The work is a cloud service under DFARS 252.239-7010 (Government data stays in the US unless the CO authorises). */
    dfarsCloudService: z.boolean().default(false),
  })
  .strict()

export const ProfileSchema = z
  .object({
    homeCountry: CountryCodeSchema,
    industry: z.enum(INDUSTRIES),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)).default([]),
    volumes: VolumesSchema.default(VolumesSchema.parse({})),
    flags: FlagsSchema.default(FlagsSchema.parse({})),
    purposes: z.array(z.enum(CN_PURPOSES)).default([]),
  })
  .strict()
export type Profile = z.infer<typeof ProfileSchema>
export type ProfileInput = z.input<typeof ProfileSchema>

export type FieldIssue = { path: string; message: string }

/** Renders a zod path the contract's way: `profile.volumes.usPersonalHealthData`, `profile.dataCategories[1]`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`
  return out
}

export function parseProfile(
  raw: unknown,
): { profile: Profile; issues: [] } | { profile?: undefined; issues: FieldIssue[] } {
  const result = ProfileSchema.safeParse(raw)
  if (result.success) return { profile: result.data, issues: [] }
  return {
    issues: result.error.issues.map((issue) => ({ path: formatPath('profile', issue.path), message: issue.message })),
  }
}
