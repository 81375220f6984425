import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { assess } from '../assessment/engine.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'

export type Outlook = {
  regimes: Array<{ id: RegimeId; name: string; summary: string }>
  /** The furthest the work can go with a vendor that qualifies for no carve-out. */
  model: 'onshore' | 'nearshore' | 'offshore'
  limits: Array<{ regime: RegimeId; model: 'onshore' | 'nearshore'; reason: string; citation: string }>
}

/**
 * What a profile means before any vendor has answered: which regimes apply, and how far the work
 * may go. It runs the engine itself on an empty answer set — unanswered counts as "no", so every
 * location limit a vendor would have to earn its way out of (ITAR's encryption carve-out, say)
 * shows — and so says exactly what the vendor assessments will. Pure: runs in the browser as the
 * buyer edits, and on the server.
 */
export function profileOutlook(profile: Profile, asOf: string): Outlook {
  const { assessment } = assess({ profile, questionnaire: coreQuestionnaire, answers: {}, regimes: regimePacks, asOf })
  const packs = new Map(regimePacks.map((pack) => [pack.id, pack]))
  const limits = assessment.recommendation.limits.map((limit) => ({
    regime: limit.regime,
    model: limit.model,
    reason: limit.reason,
    citation: limit.citation,
  }))
  const model = limits.some((l) => l.model === 'onshore') ? 'onshore' : limits.length > 0 ? 'nearshore' : 'offshore'
  return {
    regimes: assessment.applicableRegimes.map((id) => ({
      id,
      name: packs.get(id)?.name ?? id,
      summary: packs.get(id)?.summary ?? '',
    })),
    model,
    limits,
  }
}
