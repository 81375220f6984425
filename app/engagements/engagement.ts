import { z } from 'zod'
import { ProfileFormSchema } from './profile-form.ts'

/** Engagement forms. Client-safe: the browser validates with these before the server does. */

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

export const EngagementDetailsSchema = z.object({
  name: z
    .string({ error: 'Name the engagement' })
    .trim()
    .min(2, 'Name the engagement, e.g. "Medical coding 2027"')
    .max(140, 'Use at most 140 characters'),
  description: z.string().trim().max(2000, 'Use at most 2,000 characters').default(''),
  dueDate: z
    .string()
    .trim()
    .default('')
    .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), 'Use a date like 2027-03-31')
    .refine((value) => value === '' || !Number.isNaN(Date.parse(value)), 'That is not a calendar date')
    .refine((value) => value === '' || value >= todayIso(), 'The due date is in the past: choose today or later')
    .transform((value) => (value === '' ? null : value)),
})
export type EngagementDetails = z.output<typeof EngagementDetailsSchema>

/** The whole engagement form: details plus the regulatory profile. */
export const EngagementFormSchema = EngagementDetailsSchema.extend({ profile: ProfileFormSchema })
