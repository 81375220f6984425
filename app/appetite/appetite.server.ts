import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { regimePacks } from '#questionnaires/index.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { reassessEngagement } from '../responses/assessments.server.ts'
import { nowIso } from '../utils/ids.ts'
import type { AppetiteFormInput } from './appetite-form.ts'
import { type RiskPolicy, storedPolicy } from './policy.ts'
import { findEngagementPolicy, updateEngagementPolicy } from './queries.server.ts'
import { raisableRules } from './raisable-rules.ts'

/**
 * Setting an engagement's risk policy: the appetite and the rules raised to blockers. A change is
 * audited (`engagement.risk-policy-changed`, before and after) and, like a profile change,
 * re-assesses the engagement's submitted vendors so that what is stored with each assessment (its
 * action and its suggestions) follows the new policy.
 */

type Actor = { organisationId: string; userId: string }

/** The engagement is not the organisation's (or does not exist): the route answers 404. */
export class PolicyNotFoundError extends Error {
  constructor() {
    super('Engagement not found')
    this.name = 'PolicyNotFoundError'
  }
}

/** Input the form's schema cannot judge: a rule id that is no rule an engagement may raise. */
export class PolicyInputError extends Error {
  constructor(
    readonly field: 'blockingRules',
    message: string,
  ) {
    super(message)
    this.name = 'PolicyInputError'
  }
}

const RAISABLE = new Set(raisableRules(regimePacks).map((rule) => rule.id))

export async function loadRiskPolicy(db: Kysely<Database>, scope: { organisationId: string; engagementId: string }) {
  const row = await findEngagementPolicy(db, scope)
  if (!row) throw new PolicyNotFoundError()
  return storedPolicy(row)
}

export async function saveRiskPolicy(
  db: Kysely<Database>,
  { actor, engagementId, input }: { actor: Actor; engagementId: string; input: AppetiteFormInput },
): Promise<{ changed: boolean; reassessed: number; policy: RiskPolicy }> {
  const unknown = input.blockingRules.filter((id) => !RAISABLE.has(id))
  if (unknown.length > 0) {
    throw new PolicyInputError(
      'blockingRules',
      `${unknown.length === 1 ? 'This is' : 'These are'} not a rule you can raise to a blocker: ${unknown.join(', ')}.`,
    )
  }
  const scope = { organisationId: actor.organisationId, engagementId }
  const policy: RiskPolicy = { appetite: input.appetite, blockingRules: input.blockingRules }
  const changed = await db.transaction().execute(async (trx) => {
    const row = await findEngagementPolicy(trx, scope)
    if (!row) throw new PolicyNotFoundError()
    const before = storedPolicy(row)
    if (JSON.stringify(before) === JSON.stringify(policy)) return false
    await updateEngagementPolicy(trx, {
      ...scope,
      appetite: policy.appetite,
      blockingRulesJson: JSON.stringify(policy.blockingRules),
      now: nowIso(),
    })
    await recordAuditEvent(trx, {
      organisationId: actor.organisationId,
      engagementId,
      actor: { type: 'user', userId: actor.userId },
      action: 'engagement.risk-policy-changed',
      subjectType: 'engagement',
      subjectId: engagementId,
      detail: { before, after: policy },
    })
    return true
  })
  const reassessed = changed
    ? await reassessEngagement(db, { ...scope, userId: actor.userId, reason: 'risk appetite changed' })
    : 0
  return { changed, reassessed, policy }
}
