import { z } from 'zod'
import { CMMC_ASSESSMENTS, CN_PURPOSES, DATA_CATEGORIES, INDUSTRIES, ProfileSchema } from '../regulations/profile.ts'
import {
  asBoolean,
  asChoice,
  dfarsInScope,
  VOLUME_FIELDS,
  type VolumeField,
  volumeFieldShown,
} from './profile-words.ts'

/**
 * The regulatory-profile form: the contract's Profile (../shared/contract/assessment.md) as a
 * buyer meets it — each data category in plain words, volume fields only where they matter.
 * Client-safe: the browser validates with the same schema. Its words and pure helpers are in
 * profile-words.ts (re-exported here), which pages load without zod.
 */

export * from './profile-words.ts'

const asArray = (value: unknown) =>
  value === undefined || value === null || value === false ? [] : Array.isArray(value) ? value : [value]
const asCount = z.preprocess(
  (value) => (value === '' || value === undefined || value === null ? 0 : value),
  z.coerce
    .number({ error: 'Enter a number' })
    .int('Enter a whole number')
    .min(0, 'Cannot be negative')
    .max(10_000_000_000, 'That is too large'),
)

/**
 * The profile part of the engagement form, from browser values or submitted form fields alike, to
 * the contract's Profile. Volumes that do not matter for the chosen categories are zeroed, so a
 * stale hidden number never triggers a regime.
 */
export const ProfileFormSchema = z
  .object({
    homeCountry: z
      .string({ error: 'Choose your home country' })
      .trim()
      .toUpperCase()
      .refine((code) => ProfileSchema.shape.homeCountry.safeParse(code).success, 'Choose your home country'),
    industry: z.enum(INDUSTRIES, { error: 'Choose the industry closest to yours' }),
    dataCategories: z.preprocess(asArray, z.array(z.enum(DATA_CATEGORIES))),
    purposes: z.preprocess(asArray, z.array(z.enum(CN_PURPOSES))),
    volumes: z
      .object(
        Object.fromEntries(Object.keys(VOLUME_FIELDS).map((key) => [key, asCount])) as Record<
          VolumeField,
          typeof asCount
        >,
      )
      .partial()
      .default({}),
    flags: z
      .object({
        criticalInformationInfrastructureOperator: z.preprocess(asBoolean, z.boolean()),
        dodContractor: z.preprocess(asBoolean, z.boolean()),
        usGovernmentRelatedData: z.preprocess(asBoolean, z.boolean()),
        cmmcLevel: z.preprocess(
          (value) => (value === '' || value === undefined ? 0 : value),
          z.coerce.number().int().min(0).max(3),
        ),
        cmmcAssessment: z.preprocess(
          (value) => (value === '' || value === null ? undefined : value),
          z.enum(CMMC_ASSESSMENTS, { error: 'Choose one of the listed assessments' }).optional(),
        ),
        bankRegulated: z.preprocess(asChoice, z.boolean().optional()),
        dfarsCloudService: z.preprocess(asBoolean, z.boolean()),
      })
      .partial()
      .default({}),
  })
  .transform((form) => {
    const dodContractor = form.flags.dodContractor ?? false
    const cmmcLevel = form.flags.cmmcLevel ?? 0
    const dfars = dfarsInScope(form.dataCategories, dodContractor)
    return {
      homeCountry: form.homeCountry,
      industry: form.industry,
      dataCategories: [...new Set(form.dataCategories)],
      volumes: Object.fromEntries(
        (Object.keys(VOLUME_FIELDS) as VolumeField[]).map((field) => [
          field,
          volumeFieldShown(field, form.dataCategories) ? (form.volumes[field] ?? 0) : 0,
        ]),
      ) as Record<VolumeField, number>,
      flags: {
        criticalInformationInfrastructureOperator: form.flags.criticalInformationInfrastructureOperator ?? false,
        dodContractor,
        cmmcLevel,
        usGovernmentRelatedData: form.flags.usGovernmentRelatedData ?? false,
        // Contract v1.1's facts count only where their law applies, so a stale hidden answer never
        // changes an outlook. Unset, each takes the value that asks more of a vendor: the phase-in
        // decides the CMMC assessment (null), and a GLBA buyer that did not say is held to the bank
        // expectations. A cloud service is a fact of the contract, not a guess: unticked is no.
        cmmcAssessment: dfars && cmmcLevel > 0 ? (form.flags.cmmcAssessment ?? null) : null,
        bankRegulated: form.dataCategories.includes('npi') ? (form.flags.bankRegulated ?? true) : false,
        dfarsCloudService: dfars ? (form.flags.dfarsCloudService ?? false) : false,
      },
      purposes: [...new Set(form.purposes)],
    }
  })
  // The engine's own schema has the last word: the form can only produce a valid contract Profile.
  .transform((profile, ctx) => {
    const checked = ProfileSchema.safeParse(profile)
    if (checked.success) return checked.data
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    return z.NEVER
  })
