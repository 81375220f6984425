import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { invitationsWithCurrentAssessment } from '../invitations/queries.server.ts'

/**
 * The rows behind reports. Every query is scoped by organisation and engagement; a vendor of
 * another engagement or organisation is simply not found. Each is one query however many vendors,
 * answers or findings there are.
 */

type EngagementScope = { organisationId: string; engagementId: string }

/**
 * Invitations of the engagement among `invitationIds`, each with its response and current assessment.
 * SQL: select invitation.*, response.*, assessment.result_json from invitation
 *      left join response left join assessment (is_current = 1)
 *      where invitation.organisation_id = ? and invitation.engagement_id = ? and invitation.id in (…)
 */
export function listReportVendors(
  db: Kysely<Database>,
  { organisationId, engagementId, invitationIds }: EngagementScope & { invitationIds: readonly string[] },
) {
  return invitationsWithCurrentAssessment(db, { organisationId, engagementId, invitationIds })
    .select([
      'invitation.id as invitationId',
      'invitation.vendor_company as company',
      'invitation.vendor_country as country',
      'invitation.contact_name as contactName',
      'invitation.contact_email as contactEmail',
      'invitation.status',
      'invitation.submitted_at as submittedAt',
      'response.id as responseId',
      'response.questionnaire_id as questionnaireId',
      'response.questionnaire_version as questionnaireVersion',
      'response.status as responseStatus',
      'assessment.id as assessmentId',
      'assessment.result_json as resultJson',
      'assessment.created_at as assessedAt',
      'assessment.buyer_action as buyerAction',
      'assessment.appetite_json as appetiteJson',
    ])
    .execute()
}

/**
 * The stored answers of the given responses.
 * SQL: select … from answer where response_id in (…) order by response_id, question_id
 */
export function listAnswersOfResponses(db: Kysely<Database>, { responseIds }: { responseIds: readonly string[] }) {
  if (responseIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('answer')
    .select([
      'response_id as responseId',
      'question_id as questionId',
      'value_json as valueJson',
      'version',
      'updated_at as updatedAt',
    ])
    .where('response_id', 'in', [...responseIds])
    .orderBy('response_id')
    .orderBy('question_id')
    .execute()
}

/** The evidence files (not deleted) of one response. */
export function listEvidenceOfResponse(db: Kysely<Database>, { responseId }: { responseId: string }) {
  return db
    .selectFrom('evidence')
    .select(['id', 'question_id as questionId', 'file_name as fileName', 'size_bytes as size'])
    .where('response_id', '=', responseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute()
}
