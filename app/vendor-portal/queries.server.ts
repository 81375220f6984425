import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'

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
