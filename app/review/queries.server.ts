import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'

/**
 * Queries of recurring reviews and certificate notices. The jobs read across organisations (they
 * act for every buyer); pages read one engagement, scoped by organisation.
 */

/** The engagement's submitted vendors with when they last submitted and their last review invitation. */
export function listReviewVendors(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
) {
  return db
    .selectFrom('invitation')
    .leftJoin('vendor_review', 'vendor_review.invitation_id', 'invitation.id')
    .select([
      'invitation.id as invitationId',
      'invitation.vendor_company as company',
      'invitation.status',
      'invitation.submitted_at as submittedAt',
    ])
    .select((eb) => eb.fn.max('vendor_review.due_on').as('lastReviewDueOn'))
    .where('invitation.organisation_id', '=', organisationId)
    .where('invitation.engagement_id', '=', engagementId)
    .where('invitation.submitted_at', 'is not', null)
    .groupBy(['invitation.id', 'invitation.vendor_company', 'invitation.status', 'invitation.submitted_at'])
    .orderBy('invitation.vendor_company')
    .execute()
}

export async function updateReviewCadence(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    months,
    now,
  }: { organisationId: string; engagementId: string; months: number | null; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('engagement')
    .set({ review_cadence_months: months, updated_at: now })
    .where('id', '=', engagementId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Submitted vendors of active engagements, with their engagement's profile and cadence (the
 * review job's candidates).
 */
export function listReviewCandidates(db: Kysely<Database>) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('regulatory_profile', 'regulatory_profile.engagement_id', 'engagement.id')
    .innerJoin('response', 'response.invitation_id', 'invitation.id')
    .select([
      'invitation.id as invitationId',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'invitation.submitted_at as submittedAt',
      'invitation.expires_at as expiresAt',
      'engagement.review_cadence_months as cadenceMonths',
      'regulatory_profile.profile_json as profileJson',
      'response.id as responseId',
    ])
    .where('invitation.status', '=', 'submitted')
    .where('response.status', '=', 'submitted')
    .where('engagement.status', '=', 'active')
    .where('invitation.submitted_at', 'is not', null)
    .execute()
}

/**
 * Claims the review invitation of one vendor for one due date: true once, whoever runs it.
 * SQL: insert into vendor_review … on conflict (invitation_id, due_on) do nothing
 */
export async function claimReview(
  db: Kysely<Database>,
  row: { id: string; invitationId: string; dueOn: string; now: string },
): Promise<boolean> {
  const result = await db
    .insertInto('vendor_review')
    .values({ id: row.id, invitation_id: row.invitationId, due_on: row.dueOn, email_status: null, created_at: row.now })
    .onConflict((oc) => oc.columns(['invitation_id', 'due_on']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function setReviewEmailStatus(
  db: Kysely<Database>,
  { id, status }: { id: string; status: string },
): Promise<void> {
  await db.updateTable('vendor_review').set({ email_status: status }).where('id', '=', id).execute()
}

/** The link of a reopened invitation must work until the answers are due again. */
export async function extendInvitationUntil(
  db: Kysely<Database>,
  { invitationId, until, now }: { invitationId: string; until: string; now: string },
): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ expires_at: until, updated_at: now })
    .where('id', '=', invitationId)
    .where('expires_at', '<', until)
    .execute()
}

/**
 * Submitted vendors of active engagements with their current assessment's date and their
 * certificate register (the `certifications.held` answer): the certificate job's candidates.
 */
export function listCertificateCandidates(db: Kysely<Database>) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('response', 'response.invitation_id', 'invitation.id')
    .innerJoin('assessment', (join) =>
      join.onRef('assessment.response_id', '=', 'response.id').on('assessment.is_current', '=', 1),
    )
    .innerJoin('answer', (join) =>
      join.onRef('answer.response_id', '=', 'response.id').on('answer.question_id', '=', 'certifications.held'),
    )
    .select([
      'invitation.id as invitationId',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'response.id as responseId',
      'response.questionnaire_id as questionnaireId',
      'response.questionnaire_version as questionnaireVersion',
      'assessment.as_of as asOf',
      'answer.value_json as heldJson',
    ])
    .where('invitation.status', '=', 'submitted')
    .where('engagement.status', '=', 'active')
    .execute()
}

/**
 * Claims one certificate notice: true once per vendor, certificate, end date and kind.
 * SQL: insert into certificate_notice … on conflict (invitation_id, certificate_type, valid_until, kind) do nothing
 */
export async function claimCertificateNotice(
  db: Kysely<Database>,
  row: { id: string; invitationId: string; certificateType: string; validUntil: string; kind: string; now: string },
): Promise<boolean> {
  const result = await db
    .insertInto('certificate_notice')
    .values({
      id: row.id,
      invitation_id: row.invitationId,
      certificate_type: row.certificateType,
      valid_until: row.validUntil,
      kind: row.kind as '60' | '30' | '7' | 'ended',
      email_status: null,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['invitation_id', 'certificate_type', 'valid_until', 'kind']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function setCertificateNoticeStatus(
  db: Kysely<Database>,
  { id, status }: { id: string; status: string },
): Promise<void> {
  await db.updateTable('certificate_notice').set({ email_status: status }).where('id', '=', id).execute()
}
