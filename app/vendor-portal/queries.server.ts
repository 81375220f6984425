import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { Locale } from '../i18n/locale.ts'

/** What a vendor sees of its own invitation: nothing of any other. */
export function getVendorInvitation(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisation_id')
    .select([
      'invitation.id',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'invitation.vendor_company as vendorCompany',
      'invitation.contact_name as contactName',
      'invitation.status',
      'invitation.expires_at as expiresAt',
      'engagement.name as engagementName',
      'engagement.description as engagementDescription',
      'engagement.due_date as dueDate',
      'engagement.questionnaire_id as questionnaireId',
      'engagement.questionnaire_version as questionnaireVersion',
      'organisation.name as buyerName',
    ])
    .where('invitation.id', '=', invitationId)
    .executeTakeFirstOrThrow()
}

/** What decides whether a vendor session still opens its invitation. */
export function findVendorAccessState(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('invitation')
    .select(['status', 'expires_at', 'link_generation'])
    .where('id', '=', invitationId)
    .executeTakeFirst()
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
