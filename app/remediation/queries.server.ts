import type { Insertable, Kysely, Updateable } from 'kysely'
import type { Database, RemediationItemTable, RemediationRequestTable, RiskAcceptanceTable } from '#db/schema.ts'

/**
 * Every query of remediation requests, their items and risk acceptances. Buyer reads are scoped by
 * organisation, engagement and invitation; vendor reads by the one invitation of the vendor's
 * session. The first parameter is the connection or the caller's transaction.
 */

type BuyerScope = { organisationId: string; engagementId: string; invitationId: string }

// --- the vendor behind a request ---------------------------------------------------------------

/**
 * The invitation (scoped to the buyer) with its submitted response and current assessment, or
 * undefined. A vendor that never submitted has no `assessmentId`.
 * SQL: select … from invitation left join response … left join assessment (is_current = 1) …
 *      where invitation.id = ? and organisation_id = ? and engagement_id = ?
 */
export function findVendorForBuyer(db: Kysely<Database>, scope: BuyerScope) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisation_id')
    .leftJoin('response', 'response.invitation_id', 'invitation.id')
    .leftJoin('assessment', (join) =>
      join.onRef('assessment.response_id', '=', 'response.id').on('assessment.is_current', '=', 1),
    )
    .select([
      'invitation.id as invitationId',
      'invitation.vendor_company as company',
      'invitation.contact_name as contactName',
      'invitation.contact_email as contactEmail',
      'invitation.language',
      'invitation.status',
      'engagement.name as engagementName',
      'engagement.status as engagementStatus',
      'organisation.name as buyerName',
      'response.id as responseId',
      'response.status as responseStatus',
      'response.questionnaire_id as questionnaireId',
      'response.questionnaire_version as questionnaireVersion',
      'assessment.id as assessmentId',
      'assessment.result_json as resultJson',
    ])
    .where('invitation.id', '=', scope.invitationId)
    .where('invitation.organisation_id', '=', scope.organisationId)
    .where('invitation.engagement_id', '=', scope.engagementId)
    .executeTakeFirst()
}

/** The vendor's contact and its buyer, for emails. */
export function getVendorContact(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisation_id')
    .select([
      'invitation.id as invitationId',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'invitation.vendor_company as company',
      'invitation.contact_name as contactName',
      'invitation.contact_email as contactEmail',
      'invitation.language',
      'engagement.name as engagementName',
      'organisation.name as buyerName',
    ])
    .where('invitation.id', '=', invitationId)
    .executeTakeFirstOrThrow()
}

/** The current assessment of an invitation's response (id, result, answers), if any. */
export function findCurrentAssessmentOfInvitation(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select([
      'assessment.id',
      'assessment.response_id as responseId',
      'assessment.result_json as resultJson',
      'assessment.answers_json as answersJson',
      'assessment.created_at as createdAt',
    ])
    .where('response.invitation_id', '=', invitationId)
    .where('assessment.is_current', '=', 1)
    .executeTakeFirst()
}

/** The managers and admins of an organisation (told when a vendor's assessment changes on its own). */
export function listManagerEmails(db: Kysely<Database>, { organisationId }: { organisationId: string }) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.email', 'user.name'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.role', 'in', ['admin', 'manager'])
    .orderBy('user.email')
    .execute()
}

// --- requests and items ------------------------------------------------------------------------

export async function insertRequest(db: Kysely<Database>, row: Insertable<RemediationRequestTable>): Promise<void> {
  await db.insertInto('remediation_request').values(row).execute()
}

export async function insertItems(db: Kysely<Database>, rows: Insertable<RemediationItemTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('remediation_item').values(rows).execute()
}

const REQUEST_COLUMNS = [
  'remediation_request.id',
  'remediation_request.invitation_id as invitationId',
  'remediation_request.assessment_id as assessmentId',
  'remediation_request.message',
  'remediation_request.due_on as dueOn',
  'remediation_request.status',
  'remediation_request.vendor_sent_at as vendorSentAt',
  'remediation_request.created_at as createdAt',
] as const

/** An invitation's requests, newest first, scoped to the buyer. */
export function listRequestsForBuyer(db: Kysely<Database>, scope: BuyerScope) {
  return db
    .selectFrom('remediation_request')
    .leftJoin('user', 'user.id', 'remediation_request.created_by_user_id')
    .select([...REQUEST_COLUMNS, 'user.name as createdBy'])
    .where('remediation_request.organisation_id', '=', scope.organisationId)
    .where('remediation_request.engagement_id', '=', scope.engagementId)
    .where('remediation_request.invitation_id', '=', scope.invitationId)
    .orderBy('remediation_request.created_at', 'desc')
    .execute()
}

/** The vendor's own requests (its session's invitation), open ones first, then newest. */
export function listRequestsForVendor(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('remediation_request')
    .select([...REQUEST_COLUMNS])
    .where('remediation_request.invitation_id', '=', invitationId)
    .orderBy('remediation_request.status', 'desc')
    .orderBy('remediation_request.created_at', 'desc')
    .execute()
}

/** One request of the vendor's own invitation, or undefined (another invitation's is not found). */
export function findRequestForVendor(
  db: Kysely<Database>,
  { invitationId, requestId }: { invitationId: string; requestId: string },
) {
  return db
    .selectFrom('remediation_request')
    .select([...REQUEST_COLUMNS, 'remediation_request.organisation_id as organisationId'])
    .select('remediation_request.engagement_id as engagementId')
    .where('remediation_request.id', '=', requestId)
    .where('remediation_request.invitation_id', '=', invitationId)
    .executeTakeFirst()
}

/** Items of these requests, in each request's order. */
export function listItems(db: Kysely<Database>, { requestIds }: { requestIds: readonly string[] }) {
  if (requestIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('remediation_item')
    .select([
      'id',
      'request_id as requestId',
      'position',
      'rule_id as ruleId',
      'finding_json as findingJson',
      'question_ids_json as questionIdsJson',
      'state',
      'reply_kind as replyKind',
      'reply_text as replyText',
      'fix_by as fixBy',
      'replied_at as repliedAt',
      'resolved_at as resolvedAt',
    ])
    .where('request_id', 'in', [...requestIds])
    .orderBy('request_id')
    .orderBy('position')
    .execute()
}

export async function updateItem(
  db: Kysely<Database>,
  { id, values }: { id: string; values: Updateable<RemediationItemTable> },
): Promise<void> {
  await db.updateTable('remediation_item').set(values).where('id', '=', id).execute()
}

export async function updateRequest(
  db: Kysely<Database>,
  { id, values }: { id: string; values: Updateable<RemediationRequestTable> },
): Promise<void> {
  await db.updateTable('remediation_request').set(values).where('id', '=', id).execute()
}

/**
 * Open requests whose due date has passed, with the vendor's contact (the overdue reminders).
 * SQL: select … from remediation_request join invitation … where status = 'open' and due_on < ?
 */
export function listOverdueRequests(db: Kysely<Database>, { today }: { today: string }) {
  return db
    .selectFrom('remediation_request')
    .select(['id', 'invitation_id as invitationId', 'organisation_id as organisationId'])
    .select(['engagement_id as engagementId', 'due_on as dueOn', 'last_reminder_at as lastReminderAt'])
    .where('status', '=', 'open')
    .where('due_on', '<', today)
    .execute()
}

/**
 * Claims today's reminder of a request: true for exactly one caller when two runners race.
 * SQL: update remediation_request set last_reminder_at = ? where id = ? and last_reminder_at is ?
 */
export async function claimRequestReminder(
  db: Kysely<Database>,
  { requestId, seen, now }: { requestId: string; seen: string | null; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('remediation_request')
    .set({ last_reminder_at: now })
    .where('id', '=', requestId)
    .where((eb) => (seen === null ? eb('last_reminder_at', 'is', null) : eb('last_reminder_at', '=', seen)))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Marks a request's open items overdue; returns how many moved.
 * SQL: update remediation_item set state = 'overdue' where request_id = ? and state = 'open'
 */
export async function markOpenItemsOverdue(
  db: Kysely<Database>,
  { requestId, now }: { requestId: string; now: string },
): Promise<number> {
  const result = await db
    .updateTable('remediation_item')
    .set({ state: 'overdue', updated_at: now })
    .where('request_id', '=', requestId)
    .where('state', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Open items (open or overdue) of open requests for a vendor: what the vendor home page counts. */
export async function countOpenItemsForVendor(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  const row = await db
    .selectFrom('remediation_item')
    .innerJoin('remediation_request', 'remediation_request.id', 'remediation_item.request_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('remediation_request.invitation_id', '=', invitationId)
    .where('remediation_request.status', '=', 'open')
    .where('remediation_item.state', 'in', ['open', 'overdue'])
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

// --- risk acceptances --------------------------------------------------------------------------

export async function insertAcceptance(db: Kysely<Database>, row: Insertable<RiskAcceptanceTable>): Promise<void> {
  await db.insertInto('risk_acceptance').values(row).execute()
}

/** Every acceptance of an invitation, newest first, with who accepted. */
export function listAcceptances(db: Kysely<Database>, { invitationIds }: { invitationIds: readonly string[] }) {
  if (invitationIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('risk_acceptance')
    .leftJoin('user', 'user.id', 'risk_acceptance.created_by_user_id')
    .select([
      'risk_acceptance.id',
      'risk_acceptance.invitation_id as invitationId',
      'risk_acceptance.rule_id as ruleId',
      'risk_acceptance.justification',
      'risk_acceptance.ends_on as endsOn',
      'risk_acceptance.created_at as createdAt',
      'risk_acceptance.withdrawn_at as withdrawnAt',
      'risk_acceptance.lapsed_at as lapsedAt',
      'user.name as acceptedBy',
    ])
    .where('risk_acceptance.invitation_id', 'in', [...invitationIds])
    .orderBy('risk_acceptance.created_at', 'desc')
    .execute()
}

/**
 * Withdraws an acceptance of this buyer's vendor; false when there was none to withdraw.
 * SQL: update risk_acceptance set withdrawn_at = ? where id = ? and organisation_id = ? and … and withdrawn_at is null
 */
export async function withdrawAcceptance(
  db: Kysely<Database>,
  { scope, acceptanceId, now }: { scope: BuyerScope; acceptanceId: string; now: string },
): Promise<{ ruleId: string } | undefined> {
  return db
    .updateTable('risk_acceptance')
    .set({ withdrawn_at: now })
    .where('id', '=', acceptanceId)
    .where('organisation_id', '=', scope.organisationId)
    .where('engagement_id', '=', scope.engagementId)
    .where('invitation_id', '=', scope.invitationId)
    .where('withdrawn_at', 'is', null)
    .returning(['rule_id as ruleId'])
    .executeTakeFirst()
}

/**
 * Claims the acceptances whose end date has passed and that were not yet recorded as lapsed.
 * SQL: update risk_acceptance set lapsed_at = ? where ends_on < ? and lapsed_at is null and withdrawn_at is null returning …
 */
export function markLapsedAcceptances(db: Kysely<Database>, { today, now }: { today: string; now: string }) {
  return db
    .updateTable('risk_acceptance')
    .set({ lapsed_at: now })
    .where('ends_on', '<', today)
    .where('lapsed_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .returning(['id', 'organisation_id', 'engagement_id', 'invitation_id', 'rule_id', 'ends_on'])
    .execute()
}

/** Who sent a request (told when the vendor replies), if that user still exists. */
export function findRequestCreator(db: Kysely<Database>, { requestId }: { requestId: string }) {
  return db
    .selectFrom('remediation_request')
    .innerJoin('user', 'user.id', 'remediation_request.created_by_user_id')
    .select(['user.email', 'user.name'])
    .where('remediation_request.id', '=', requestId)
    .executeTakeFirst()
}
