import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { jsonPairsOf } from '../db/queries.server.ts'
import type { Locale } from '../i18n/locale.ts'

/** What a vendor sees of its own invitation: nothing of any other. */
export function getVendorInvitation(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisation_id')
    .leftJoin('response', 'response.invitation_id', 'invitation.id')
    .select((eb) => [
      'invitation.id',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'invitation.vendor_company as vendorCompany',
      'invitation.contact_name as contactName',
      'invitation.contact_email as contactEmail',
      'invitation.language',
      'invitation.status',
      'invitation.expires_at as expiresAt',
      'engagement.name as engagementName',
      'engagement.description as engagementDescription',
      'engagement.due_date as dueDate',
      ...pinnedQuestionnaire(eb),
      'organisation.name as buyerName',
    ])
    .where('invitation.id', '=', invitationId)
    .executeTakeFirstOrThrow()
}

/** The questionnaire a response keeps (the version it was opened with); before it exists, the engagement's. */
function pinnedQuestionnaire(eb: ExpressionBuilder<Database, 'engagement' | 'response'>) {
  return [
    eb.fn.coalesce('response.questionnaire_id', 'engagement.questionnaire_id').as('questionnaireId'),
    eb.fn.coalesce('response.questionnaire_version', 'engagement.questionnaire_version').as('questionnaireVersion'),
  ] as const
}

// ——— Vendor sessions (vendor_session): ids arrive hashed. ———

/** What a session row says of its link (judged by admitVendorSession). */
const SESSION_COLUMNS = [
  'vendor_session.invitation_id as invitationId',
  'vendor_session.link_generation as sessionGeneration',
  'vendor_session.last_seen_at as lastSeenAt',
  'invitation.status',
  'invitation.expires_at as expiresAt',
  'invitation.link_generation as linkGeneration',
] as const

export async function insertVendorSession(
  db: Kysely<Database>,
  values: { idHash: string; invitationId: string; generation: number; now: string },
) {
  await db
    .insertInto('vendor_session')
    .values({
      id_hash: values.idHash,
      invitation_id: values.invitationId,
      link_generation: values.generation,
      created_at: values.now,
      last_seen_at: values.now,
    })
    .execute()
}

/**
 * A vendor session with the state of its invitation, for the access check on every vendor request.
 * SQL: select … from vendor_session join invitation on invitation.id = vendor_session.invitation_id
 *      where vendor_session.id_hash = ?
 */
export function findVendorSession(db: Kysely<Database>, { idHash }: { idHash: string }) {
  return db
    .selectFrom('vendor_session')
    .innerJoin('invitation', 'invitation.id', 'vendor_session.invitation_id')
    .select(SESSION_COLUMNS)
    .where('vendor_session.id_hash', '=', idHash)
    .executeTakeFirst()
}

/**
 * An autosave's whole context in one statement (it runs on every save, README decision 95): the
 * session with what `findVendorSession` reads of its link, the questionnaire the response is pinned
 * to (the engagement's before it exists), the response's id, the engagement's regulatory profile
 * (its regimes decide which questions are visible) and the response's answers as
 * `[questionId, valueJson]` pairs (`jsonPairsOf`).
 */
export async function findVendorSaveContext(db: Kysely<Database>, { idHash }: { idHash: string }) {
  const row = await db
    .selectFrom('vendor_session')
    .innerJoin('invitation', 'invitation.id', 'vendor_session.invitation_id')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('regulatory_profile', 'regulatory_profile.engagement_id', 'engagement.id')
    .leftJoin('response', 'response.invitation_id', 'invitation.id')
    .select((eb) => [
      ...SESSION_COLUMNS,
      'response.id as responseId',
      ...pinnedQuestionnaire(eb),
      'regulatory_profile.profile_json as profileJson',
      eb
        .selectFrom('answer')
        .select((eb) => jsonPairsOf(db, eb.ref('answer.question_id'), eb.ref('answer.value_json')).as('pairs'))
        .whereRef('answer.response_id', '=', 'response.id')
        .as('answerPairs'),
    ])
    .where('vendor_session.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row) return undefined
  const { answerPairs, ...context } = row
  // Null when there is no response or (PostgreSQL) no answer yet.
  return { ...context, answers: (answerPairs ? JSON.parse(answerPairs) : []) as Array<[string, string]> }
}

export async function touchVendorSession(db: Kysely<Database>, { idHash, now }: { idHash: string; now: string }) {
  await db.updateTable('vendor_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute()
}

export async function deleteVendorSession(db: Kysely<Database>, { idHash }: { idHash: string }) {
  await db.deleteFrom('vendor_session').where('id_hash', '=', idHash).execute()
}

/**
 * Housekeeping: sessions idle since `idleSince`, of a replaced link generation, or of a revoked
 * invitation can never be used again.
 */
export async function deleteDeadVendorSessions(db: Kysely<Database>, { idleSince }: { idleSince: string }) {
  await db
    .deleteFrom('vendor_session')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<=', idleSince),
        eb(
          'invitation_id',
          'in',
          eb
            .selectFrom('invitation')
            .select('invitation.id')
            .where((inner) =>
              inner.or([
                inner('invitation.status', '=', 'revoked'),
                inner('invitation.link_generation', '!=', inner.ref('vendor_session.link_generation')),
              ]),
            ),
        ),
      ]),
    )
    .execute()
}

/**
 * The first visit of a link; false when the invitation had already left "invited".
 * SQL: update invitation set status = 'opened', … where id = ? and status = 'invited'
 */
export async function markInvitationOpened(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('invitation')
    .set({ status: 'opened', opened_at: now, last_activity_at: now, updated_at: now })
    .where('id', '=', invitationId)
    .where('status', '=', 'invited')
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/** The language later emails to this vendor are written in, with the scope its audit event needs. */
export function findInvitationLanguage(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('invitation')
    .select(['organisation_id as organisationId', 'engagement_id as engagementId', 'language'])
    .where('id', '=', invitationId)
    .executeTakeFirst()
}

export async function updateInvitationLanguage(
  db: Kysely<Database>,
  { invitationId, language }: { invitationId: string; language: Locale },
): Promise<void> {
  await db.updateTable('invitation').set({ language }).where('id', '=', invitationId).execute()
}
