import { z } from 'zod'
import { MAX_CADENCE_MONTHS, MIN_CADENCE_MONTHS } from './tier.ts'

/**
 * The review cadence form: a whole number of months, or empty to follow the inherent tier.
 * Client-safe.
 */
export const ReviewCadenceSchema = z.object({
  months: z
    .string()
    .trim()
    .refine((value) => value === '' || /^\d+$/.test(value), { error: 'Enter a whole number of months.' })
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || (value >= MIN_CADENCE_MONTHS && value <= MAX_CADENCE_MONTHS), {
      error: `Between ${MIN_CADENCE_MONTHS} and ${MAX_CADENCE_MONTHS} months, or empty to follow the tier.`,
    }),
})
