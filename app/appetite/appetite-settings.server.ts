import { data } from '@remix-run/node'
import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { regimePacks } from '#questionnaires/index.ts'
import { applicableRegimeIds } from '../assessment/engine.ts'
import { ProfileSchema } from '../regulations/profile.ts'
import { fieldErrorsOf } from '../utils/forms.ts'
import { loadRiskPolicy, PolicyInputError, PolicyNotFoundError, saveRiskPolicy } from './appetite.server.ts'
import { AppetiteFormSchema, type AppetiteReply, appetiteFormValues } from './appetite-form.ts'
import { raisableRules } from './raisable-rules.ts'

/**
 * The profile page's risk-appetite form, for its route: what the section shows, and its intent.
 * Bad input is a 400 that changes nothing; another organisation's engagement is a 404.
 */

const ALL_RULES = raisableRules(regimePacks)

export async function appetiteSettings(
  db: Kysely<Database>,
  { organisationId, engagement, profile }: { organisationId: string; engagement: { id: string }; profile: unknown },
) {
  const policy = await loadRiskPolicy(db, { organisationId, engagementId: engagement.id })
  const parsed = ProfileSchema.safeParse(profile)
  const regimes = parsed.success ? applicableRegimeIds(parsed.data, regimePacks) : []
  // The rules of the regimes that apply, and any raised before the profile changed.
  const rules = ALL_RULES.filter((rule) => regimes.includes(rule.regime) || policy.blockingRules.includes(rule.id))
  return { policy, rules }
}

export async function saveAppetite(
  db: Kysely<Database>,
  {
    actor,
    engagementId,
    formData,
  }: { actor: { organisationId: string; userId: string }; engagementId: string; formData: FormData },
) {
  const reply = (appetite: AppetiteReply, status = 200) => data({ appetite }, { status })
  const parsed = AppetiteFormSchema.safeParse(appetiteFormValues(formData))
  if (!parsed.success)
    return reply({ ok: false, message: 'The risk appetite was not saved.', errors: fieldErrorsOf(parsed.error) }, 400)
  try {
    const saved = await saveRiskPolicy(db, { actor, engagementId, input: parsed.data })
    const message = !saved.changed
      ? 'Nothing changed.'
      : `Saved. ${saved.reassessed} submitted vendor${saved.reassessed === 1 ? ' was' : 's were'} judged again against the new appetite.`
    return reply({ ok: true, message })
  } catch (error) {
    if (error instanceof PolicyNotFoundError) throw new Response('Engagement not found', { status: 404 })
    if (!(error instanceof PolicyInputError)) throw error
    return reply(
      { ok: false, message: 'The risk appetite was not saved.', errors: { [error.field]: error.message } },
      400,
    )
  }
}
