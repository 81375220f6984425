import type { ExpressionBuilder, Insertable, Kysely, UpdateObject } from 'kysely'
import type { Database, InvitationTable } from '#db/schema.ts'
import { defaultLocaleForCountry } from '../i18n/locale.ts'

/**
 * An engagement's invitation summaries (one row per invitation: what the dashboard filters, sorts
 * and counts on, kept by triggers), scoped by organisation as well as engagement: the base of the
 * dashboard's queries and of the reports'. The organisation is checked once on the engagement (an
 * uncorrelated EXISTS, evaluated once), so a walk along an index of the summary reads no other row.
 * SQL: from invitation_summary s where s.engagement_id = ?
 *        and exists (select 1 from engagement where id = ? and organisation_id = ?)
 */
export function invitationSummaries(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
) {
  return db
    .selectFrom('invitation_summary as s')
    .where('s.engagement_id', '=', engagementId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('engagement')
          .select('engagement.id')
          .where('engagement.id', '=', engagementId)
          .where('engagement.organisation_id', '=', organisationId),
      ),
    )
}

/**
 * Some of an engagement's invitations, each with its response and current assessment (either may be
 * missing), scoped by organisation and engagement: the base of the reports' queries, which add their
 * own columns. The ids are found by the summary's primary key (engagement, invitation), never by
 * scanning the organisation's or the engagement's invitations (an `invitation.id in (…)` beside
 * `invitation.organisation_id = ?` let SQLite choose the organisation's index and read 20,000 rows
 * to find 6).
 * SQL: from invitation_summary s join invitation left join response left join assessment (is_current = 1)
 *      where s.engagement_id = ? and [organisation check] and s.invitation_id in (…)
 */
export function invitationsWithCurrentAssessment(
  db: Kysely<Database>,
  scope: { organisationId: string; engagementId: string; invitationIds: readonly string[] },
) {
  return invitationSummaries(db, scope)
    .innerJoin('invitation', 'invitation.id', 's.invitation_id')
    .leftJoin('response', 'response.invitation_id', 'invitation.id')
    .leftJoin('assessment', (join) =>
      join.onRef('assessment.response_id', '=', 'response.id').on('assessment.is_current', '=', 1),
    )
    .where('s.invitation_id', 'in', scope.invitationIds.length ? [...scope.invitationIds] : [''])
}

/**
 * One invitation of an organisation (and, when given, of one engagement): undefined for another
 * organisation's or engagement's, exactly as for one that does not exist.
 * SQL: select * from invitation where id = ? and organisation_id = ? [and engagement_id = ?]
 */
export function findInvitation(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    invitationId,
  }: { organisationId: string; engagementId?: string; invitationId: string },
) {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where('id', '=', invitationId)
    .where('organisation_id', '=', organisationId)
    .$if(engagementId !== undefined, (qb) => qb.where('engagement_id', '=', engagementId ?? ''))
    .executeTakeFirst()
}

/** Who an invitation's emails go to, and in which language. */
export function findInvitationContact(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('invitation')
    .select(['contact_name', 'contact_email', 'language', 'link_generation'])
    .where('id', '=', invitationId)
    .executeTakeFirstOrThrow()
}

/** The engagement's invitations among these contact emails (the duplicates of a paste). */
export async function listInvitedEmails(
  db: Kysely<Database>,
  { engagementId, contactEmails }: { engagementId: string; contactEmails: readonly string[] },
): Promise<Set<string>> {
  if (contactEmails.length === 0) return new Set()
  const rows = await db
    .selectFrom('invitation')
    .select('contact_email')
    .where('engagement_id', '=', engagementId)
    .where('contact_email', 'in', [...contactEmails])
    .execute()
  return new Set(rows.map((row) => row.contact_email))
}

export async function updateInvitation(
  db: Kysely<Database>,
  {
    invitationId,
    set,
  }: {
    invitationId: string
    set:
      | UpdateObject<Database, 'invitation'>
      | ((eb: ExpressionBuilder<Database, 'invitation'>) => UpdateObject<Database, 'invitation'>)
  },
) {
  await db.updateTable('invitation').set(set).where('id', '=', invitationId).execute()
}

/** Records how the last email to the vendor went (shown on the dashboard when it failed). */
export async function setLastEmailStatus(
  db: Kysely<Database>,
  { invitationId, status }: { invitationId: string; status: NonNullable<InvitationTable['last_email_status']> },
) {
  await db.updateTable('invitation').set({ last_email_status: status }).where('id', '=', invitationId).execute()
}

/** An extra link (its hash) of the invitation's given generation. */
export async function insertInvitationLink(db: Kysely<Database>, values: Insertable<Database['invitation_link']>) {
  await db.insertInto('invitation_link').values(values).execute()
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

/**
 * Open invitations of active engagements with a due date whose links still work: the candidates
 * for a reminder (the caller decides which are due).
 */
export function listReminderCandidates(db: Kysely<Database>, { now }: { now: string }) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .innerJoin('organisation', 'organisation.id', 'invitation.organisation_id')
    .select([
      'invitation.id',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'invitation.contact_name as contactName',
      'invitation.language',
      'invitation.contact_email as contactEmail',
      'invitation.last_reminder_at as lastReminderAt',
      'invitation.last_reminder_kind as lastReminderKind',
      'engagement.name as engagementName',
      'engagement.due_date as dueDate',
      'organisation.name as buyerName',
    ])
    .where('invitation.status', 'in', ['invited', 'opened', 'in-progress', 'reopened'])
    .where('invitation.expires_at', '>', now)
    .where('engagement.status', '=', 'active')
    .where('engagement.due_date', 'is not', null)
    .execute()
}

/**
 * Claims an invitation's reminder: true for the one caller whose conditional update changed it.
 * SQL: update invitation set last_reminder_at = ?, last_reminder_kind = ? where id = ? and last_reminder_at is ?
 */
export async function claimReminder(
  db: Kysely<Database>,
  {
    invitationId,
    seenReminderAt,
    now,
    kind,
  }: {
    invitationId: string
    seenReminderAt: string | null
    now: string
    kind: NonNullable<InvitationTable['last_reminder_kind']>
  },
): Promise<boolean> {
  const claimed = await db
    .updateTable('invitation')
    .set({ last_reminder_at: now, last_reminder_kind: kind })
    .where('id', '=', invitationId)
    .where((eb) =>
      seenReminderAt === null ? eb('last_reminder_at', 'is', null) : eb('last_reminder_at', '=', seenReminderAt),
    )
    .executeTakeFirst()
  return Number(claimed.numUpdatedRows) === 1
}
