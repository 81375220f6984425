import type { Insertable, Kysely } from 'kysely'
import type { Database, InvitationTable } from '#db/schema.ts'
import { defaultLocaleForCountry } from '../i18n/locale.ts'

/**
 * An engagement's invitations, each with its response and current assessment (either may be
 * missing), scoped by organisation as well as engagement: the base of the dashboard's and the
 * reports' queries, which add their own columns and conditions.
 * SQL: from invitation left join response left join assessment (is_current = 1)
 *      where invitation.organisation_id = ? and invitation.engagement_id = ?
 */
export function invitationsWithCurrentAssessment(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
) {
  return db
    .selectFrom('invitation')
    .leftJoin('response', 'response.invitation_id', 'invitation.id')
    .leftJoin('assessment', (join) =>
      join.onRef('assessment.response_id', '=', 'response.id').on('assessment.is_current', '=', 1),
    )
    .where('invitation.organisation_id', '=', organisationId)
    .where('invitation.engagement_id', '=', engagementId)
}

export function findInvitation(
  db: Kysely<Database>,
  { organisationId, invitationId }: { organisationId: string; invitationId: string },
) {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where('id', '=', invitationId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

export function findInvitationByEmail(
  db: Kysely<Database>,
  { engagementId, contactEmail }: { engagementId: string; contactEmail: string },
) {
  return db
    .selectFrom('invitation')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('contact_email', '=', contactEmail)
    .executeTakeFirst()
}

/**
 * The invitation a secret link opens: its primary link, or an extra link (from a reminder) of the
 * current generation. Undefined for an unknown or superseded link; expiry and revocation are the
 * caller's to judge, so it can tell the vendor which it is.
 */
export async function findInvitationByTokenHash(db: Kysely<Database>, { tokenHash }: { tokenHash: string }) {
  const primary = await db.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
  if (primary) return primary
  return db
    .selectFrom('invitation_link')
    .innerJoin('invitation', 'invitation.id', 'invitation_link.invitation_id')
    .selectAll('invitation')
    .where('invitation_link.token_hash', '=', tokenHash)
    .whereRef('invitation_link.generation', '=', 'invitation.link_generation')
    .executeTakeFirst()
}

/**
 * Inserts an invitation: the required facts, with every lifecycle timestamp empty unless given
 * (the demo seed gives them to place vendors in later states).
 */
export async function insertInvitation(
  db: Kysely<Database>,
  values: Pick<
    Insertable<InvitationTable>,
    | 'id'
    | 'organisation_id'
    | 'engagement_id'
    | 'vendor_company'
    | 'vendor_country'
    | 'contact_name'
    | 'contact_email'
    | 'token_hash'
    | 'expires_at'
    | 'created_at'
  > &
    Partial<Insertable<InvitationTable>>,
) {
  await db
    .insertInto('invitation')
    .values({
      opened_at: null,
      started_at: null,
      submitted_at: null,
      reopened_at: null,
      revoked_at: null,
      last_activity_at: null,
      invited_by_user_id: null,
      last_reminder_at: null,
      last_reminder_kind: null,
      last_email_status: null,
      language: defaultLocaleForCountry(values.vendor_country),
      updated_at: values.created_at,
      ...values,
    })
    .execute()
}
