import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import type { EngagementDetails } from './engagement.ts'
import {
  getProfileJson,
  insertEngagement,
  insertRegulatoryProfile,
  updateEngagementDetails,
  updateEngagementStatus,
  updateRegulatoryProfile,
} from './queries.server.ts'

/** New engagements (and so their new responses) take the newest version of the core questionnaire. */
const CORE_QUESTIONNAIRE = { id: coreQuestionnaire.id, version: coreQuestionnaire.version } as const

type Actor = { organisationId: string; userId: string }

/** Creates an engagement pinned to the current core questionnaire, with its regulatory profile. */
export async function createEngagement(
  db: Kysely<Database>,
  { actor, details, profile }: { actor: Actor; details: EngagementDetails; profile: unknown },
): Promise<string> {
  const id = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await insertEngagement(trx, {
      id,
      organisation_id: actor.organisationId,
      name: details.name,
      description: details.description,
      due_date: details.dueDate,
      questionnaire_id: CORE_QUESTIONNAIRE.id,
      questionnaire_version: CORE_QUESTIONNAIRE.version,
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    })
    await insertRegulatoryProfile(trx, {
      id: newId(),
      engagement_id: id,
      profile_json: JSON.stringify(profile),
      updated_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    })
    await recordAuditEvent(trx, {
      organisationId: actor.organisationId,
      engagementId: id,
      actor: { type: 'user', userId: actor.userId },
      action: 'engagement.created',
      subjectType: 'engagement',
      subjectId: id,
      detail: { name: details.name, dueDate: details.dueDate },
    })
  })
  return id
}

export async function setEngagementArchived(
  db: Kysely<Database>,
  { actor, engagementId, archived }: { actor: Actor; engagementId: string; archived: boolean },
): Promise<void> {
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    const status = archived ? 'archived' : 'active'
    if (!(await updateEngagementStatus(trx, { organisationId: actor.organisationId, engagementId, status, now })))
      return
    await recordAuditEvent(trx, {
      organisationId: actor.organisationId,
      engagementId,
      actor: { type: 'user', userId: actor.userId },
      action: archived ? 'engagement.archived' : 'engagement.restored',
      subjectType: 'engagement',
      subjectId: engagementId,
    })
  })
}

/**
 * Saves edited details and profile. Returns whether the profile changed; a changed profile is
 * audited with its before and after, and the caller re-assesses the submitted responses.
 */
export async function updateEngagement(
  db: Kysely<Database>,
  {
    actor,
    engagementId,
    details,
    profile,
  }: { actor: Actor; engagementId: string; details: EngagementDetails; profile: unknown },
): Promise<{ profileChanged: boolean }> {
  const now = nowIso()
  return db.transaction().execute(async (trx) => {
    const scope = { organisationId: actor.organisationId, engagementId }
    const currentJson = await getProfileJson(trx, scope)
    const next = JSON.stringify(profile)
    const profileChanged = currentJson !== next
    await updateEngagementDetails(trx, { ...scope, ...details, now })
    if (profileChanged) {
      await updateRegulatoryProfile(trx, { engagementId, profileJson: next, userId: actor.userId, now })
      await recordAuditEvent(trx, {
        organisationId: actor.organisationId,
        engagementId,
        actor: { type: 'user', userId: actor.userId },
        action: 'profile.updated',
        subjectType: 'regulatory_profile',
        subjectId: engagementId,
        detail: { before: JSON.parse(currentJson), after: profile },
      })
    }
    return { profileChanged }
  })
}
