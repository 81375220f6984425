import { profileOutlook } from './outlook.ts'
import type { Outlook } from './outlook-types.ts'
import { ProfileFormSchema } from './profile-form.ts'

/**
 * The outlook of the profile form's values (browser strings or a stored profile), or null while
 * they are incomplete. No rule reads the industry, so a profile whose industry is not chosen yet
 * (a new engagement) is previewed as "other": the form still requires the choice before saving.
 */
export function outlookForFormValues(values: unknown, today: string): Outlook | null {
  const record = values && typeof values === 'object' ? (values as Record<string, unknown>) : {}
  const parsed = ProfileFormSchema.safeParse({
    ...record,
    industry: record.industry || 'other',
  })
  return parsed.success ? profileOutlook(parsed.data, today) : null
}
