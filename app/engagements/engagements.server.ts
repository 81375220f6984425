import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import type { EngagementDetails } from './engagement.ts'

export const CORE_QUESTIONNAIRE = { id: 'cross-border-core', version: 1 } as const

type Actor = { organisationId: string; userId: string }

/** Creates an engagement pinned to the current core questionnaire, with its regulatory profile. */
export async function createEngagement(
  db: Kysely<Database>,
  { actor, details, profile }: { actor: Actor; details: EngagementDetails; profile: unknown },
): Promise<string> {
  const id = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('engagement')
      .values({
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
      .execute()
    await trx
      .insertInto('regulatory_profile')
      .values({
        id: newId(),
        engagement_id: id,
        profile_json: JSON.stringify(profile),
        updated_by_user_id: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute()
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
    const updated = await trx
      .updateTable('engagement')
      .set({ status: archived ? 'archived' : 'active', updated_at: now })
      .where('id', '=', engagementId)
      .where('organisation_id', '=', actor.organisationId)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return
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
    const current = await trx
      .selectFrom('regulatory_profile')
      .innerJoin('engagement', 'engagement.id', 'regulatory_profile.engagement_id')
      .select(['regulatory_profile.profile_json as profileJson'])
      .where('engagement.id', '=', engagementId)
      .where('engagement.organisation_id', '=', actor.organisationId)
      .executeTakeFirstOrThrow()
    const next = JSON.stringify(profile)
    const profileChanged = current.profileJson !== next
    await trx
      .updateTable('engagement')
      .set({ name: details.name, description: details.description, due_date: details.dueDate, updated_at: now })
      .where('id', '=', engagementId)
      .where('organisation_id', '=', actor.organisationId)
      .execute()
    if (profileChanged) {
      await trx
        .updateTable('regulatory_profile')
        .set({ profile_json: next, updated_by_user_id: actor.userId, updated_at: now })
        .where('engagement_id', '=', engagementId)
        .execute()
      await recordAuditEvent(trx, {
        organisationId: actor.organisationId,
        engagementId,
        actor: { type: 'user', userId: actor.userId },
        action: 'profile.updated',
        subjectType: 'regulatory_profile',
        subjectId: engagementId,
        detail: { before: JSON.parse(current.profileJson), after: profile },
      })
    }
    return { profileChanged }
  })
}
