import type { ExpressionBuilder, Insertable, Kysely } from 'kysely'
import type { AnswerTable, AssessmentTable, Database, ResponseTable } from '#db/schema.ts'

/**
 * Every query of a vendor's response: the response row, its versioned answers, the invitation
 * status moves that answering and submitting make, and the assessments stored for it. The first
 * parameter is the connection or the caller's transaction; services in this folder decide what
 * runs together.
 */

// --- the response ------------------------------------------------------------------------------

/** SQL: select * from response where invitation_id = ? */
export function findResponse(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db.selectFrom('response').selectAll().where('invitation_id', '=', invitationId).executeTakeFirst()
}

/** The questionnaire an invitation's engagement uses (a new response is pinned to it). */
export function getEngagementQuestionnaireOfInvitation(
  db: Kysely<Database>,
  { invitationId }: { invitationId: string },
) {
  return db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .select(['engagement.questionnaire_id', 'engagement.questionnaire_version'])
    .where('invitation.id', '=', invitationId)
    .executeTakeFirstOrThrow()
}

/** Inserts a draft response unless the invitation already has one (two tabs may race). */
export async function insertResponseIfAbsent(
  db: Kysely<Database>,
  row: {
    id: string
    invitationId: string
    questionnaireId: string
    questionnaireVersion: number
    now: string
  },
): Promise<void> {
  await db
    .insertInto('response')
    .values({
      id: row.id,
      invitation_id: row.invitationId,
      questionnaire_id: row.questionnaireId,
      questionnaire_version: row.questionnaireVersion,
      created_at: row.now,
      updated_at: row.now,
      submitted_at: null,
    })
    .onConflict((oc) => oc.column('invitation_id').doNothing())
    .execute()
}

export async function touchResponse(db: Kysely<Database>, { responseId, now }: { responseId: string; now: string }) {
  await db.updateTable('response').set({ updated_at: now }).where('id', '=', responseId).execute()
}

/**
 * Marks a draft as edited now and holds its row until the caller's transaction ends; false when it
 * is no longer a draft. A save takes this before writing its answer: a submit running at the same
 * time either committed first (this sees "submitted" and the save is refused) or waits for the
 * save's commit (its assessment then reads the answer). Read without the row's lock, the answer of a
 * save that raced a submit was written after the assessment that should have read it.
 * SQL: update response set updated_at = ? where id = ? and status = 'draft'
 */
export async function touchDraftResponse(
  db: Kysely<Database>,
  { responseId, now }: { responseId: string; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('response')
    .set({ updated_at: now })
    .where('id', '=', responseId)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

/**
 * Submits a draft; false when it was not a draft (already submitted).
 * SQL: update response set status = 'submitted', … where id = ? and status = 'draft'
 */
export async function submitDraftResponse(
  db: Kysely<Database>,
  { responseId, now }: { responseId: string; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('response')
    .set({ status: 'submitted', submitted_at: now, updated_at: now })
    .where('id', '=', responseId)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/**
 * Back to draft; false when it was not submitted.
 * SQL: update response set status = 'draft' where invitation_id = ? and status = 'submitted'
 */
export async function reopenSubmittedResponse(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
): Promise<boolean> {
  const reopened = await db
    .updateTable('response')
    .set({ status: 'draft', updated_at: now })
    .where('invitation_id', '=', invitationId)
    .where('status', '=', 'submitted')
    .executeTakeFirst()
  return Number(reopened.numUpdatedRows) === 1
}

/** The ids of an engagement's submitted responses, scoped by organisation. */
export function listSubmittedResponseIds(
  db: Kysely<Database>,
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
) {
  return (
    db
      .selectFrom('response')
      .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
      // The current verdict, so a re-assessment can log the verdicts it changed.
      .leftJoin('assessment', (join) =>
        join.onRef('assessment.response_id', '=', 'response.id').on('assessment.is_current', '=', 1),
      )
      .select([
        'response.id',
        'invitation.id as invitationId',
        'invitation.vendor_company as vendorCompany',
        'assessment.verdict as verdict',
      ])
      .where('invitation.engagement_id', '=', engagementId)
      .where('invitation.organisation_id', '=', organisationId)
      .where('response.status', '=', 'submitted')
      .execute()
  )
}

// --- answers -----------------------------------------------------------------------------------

/**
 * A first answer (version 1); 0 rows when the question already has one (someone saved first).
 * SQL: insert into answer … on conflict (response_id, question_id) do nothing
 */
export async function insertFirstAnswer(
  db: Kysely<Database>,
  row: { id: string; responseId: string; questionId: string; valueJson: string; now: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('answer')
    .values({
      id: row.id,
      response_id: row.responseId,
      question_id: row.questionId,
      value_json: row.valueJson,
      version: 1,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.columns(['response_id', 'question_id']).doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1
}

/**
 * Replaces an answer only at the version the person saw (optimistic concurrency).
 * SQL: update answer set value_json = ?, version = ? + 1 where response_id = ? and question_id = ? and version = ?
 */
export async function updateAnswerAtVersion(
  db: Kysely<Database>,
  row: { responseId: string; questionId: string; valueJson: string; baseVersion: number; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('answer')
    .set({ value_json: row.valueJson, version: row.baseVersion + 1, updated_at: row.now })
    .where('response_id', '=', row.responseId)
    .where('question_id', '=', row.questionId)
    .where('version', '=', row.baseVersion)
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

export function findAnswer(
  db: Kysely<Database>,
  { responseId, questionId }: { responseId: string; questionId: string },
) {
  return db
    .selectFrom('answer')
    .select(['value_json', 'version'])
    .where('response_id', '=', responseId)
    .where('question_id', '=', questionId)
    .executeTakeFirst()
}

export async function deleteAnswer(
  db: Kysely<Database>,
  { responseId, questionId }: { responseId: string; questionId: string },
): Promise<void> {
  await db.deleteFrom('answer').where('response_id', '=', responseId).where('question_id', '=', questionId).execute()
}

/** Every answer of an invitation's response with its version. */
export function listAnswerRowsOfInvitation(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['answer.question_id as questionId', 'answer.value_json as valueJson', 'answer.version'])
    .where('response.invitation_id', '=', invitationId)
    .execute()
}

/** Every answer of a response (what the engine assesses). */
export function listAnswerRowsOfResponse(db: Kysely<Database>, { responseId }: { responseId: string }) {
  return db.selectFrom('answer').select(['question_id', 'value_json']).where('response_id', '=', responseId).execute()
}

// --- the invitation's status as the response moves ---------------------------------------------

/**
 * The first saved answer moves an invited or opened invitation to "in progress"; every save is
 * activity. One statement: it runs on every autosave.
 * SQL: update invitation set status = case when status in ('invited', 'opened') then 'in-progress' else status end,
 *        started_at = case when status in (…) then ? else started_at end, last_activity_at = ?, updated_at = ? where id = ?
 */
export async function recordAnsweringActivity(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
): Promise<void> {
  await db.updateTable('invitation').set(answeringActivity(now)).where('id', '=', invitationId).execute()
}

/** What a saved answer sets on its invitation (recordAnsweringActivity, saveAnswerInOnePostgresStatement). */
function answeringActivity(now: string) {
  const starting = ['invited', 'opened'] as const
  return (eb: ExpressionBuilder<Database, 'invitation'>) => ({
    status: eb
      .case()
      .when('status', 'in', starting)
      .then('in-progress' as const)
      .else(eb.ref('status'))
      .end(),
    started_at: eb.case().when('status', 'in', starting).then(now).else(eb.ref('started_at')).end(),
    last_activity_at: now,
    updated_at: now,
  })
}

/**
 * A save of an existing response's answer as one statement, on PostgreSQL only (data-modifying
 * `with` clauses, which SQLite lacks; the service calls it from its PostgreSQL branch): one round
 * trip where a transaction took six. Each part does what the transaction's
 * statements do, in the same order of locks: the draft is marked (its row held, so a racing
 * submit waits for this statement or has already made it refuse), the answer written at the version
 * the person saw (inserted when `baseVersion` is 0), and the invitation's activity recorded only
 * when the answer was. 'submitted': the response is no longer a draft, nothing was written;
 * 'conflict': someone saved first, nothing was written.
 * SQL: with draft as (update response … where id = ? and status = 'draft' returning id),
 *        saved as (update answer … where response_id in (select id from draft) and … and version = ? returning version),
 *        activity as (update invitation … where id = ? and exists (select from saved))
 *      select (select count(*) from draft), (select count(*) from saved)
 */
export async function saveAnswerInOnePostgresStatement(
  db: Kysely<Database>,
  row: {
    id: string
    responseId: string
    invitationId: string
    questionId: string
    valueJson: string
    baseVersion: number
    now: string
  },
): Promise<'saved' | 'conflict' | 'submitted'> {
  const { responseId, questionId, valueJson, baseVersion, now } = row
  const result = await db
    .with('draft', (db) =>
      db
        .updateTable('response')
        .set({ updated_at: now })
        .where('id', '=', responseId)
        .where('status', '=', 'draft')
        .returning('id'),
    )
    .with('saved', (db) =>
      baseVersion === 0
        ? db
            .insertInto('answer')
            .columns(['id', 'response_id', 'question_id', 'value_json', 'version', 'created_at', 'updated_at'])
            .expression((eb) =>
              eb
                .selectFrom('draft')
                .select((eb) => [
                  eb.val(row.id).as('id'),
                  'draft.id as response_id',
                  eb.val(questionId).as('question_id'),
                  eb.val(valueJson).as('value_json'),
                  eb.lit(1).as('version'),
                  eb.val(now).as('created_at'),
                  eb.val(now).as('updated_at'),
                ]),
            )
            .onConflict((oc) => oc.columns(['response_id', 'question_id']).doNothing())
            .returning('version')
        : db
            .updateTable('answer')
            .set({ value_json: valueJson, version: baseVersion + 1, updated_at: now })
            .where('response_id', 'in', (eb) => eb.selectFrom('draft').select('draft.id'))
            .where('question_id', '=', questionId)
            .where('version', '=', baseVersion)
            .returning('version'),
    )
    .with('activity', (db) =>
      db
        .updateTable('invitation')
        .set(answeringActivity(now))
        .where('id', '=', row.invitationId)
        .where((eb) => eb.exists(eb.selectFrom('saved').select('saved.version')))
        .returning('invitation.id'),
    )
    .selectNoFrom((eb) => [
      eb
        .selectFrom('draft')
        .select((eb) => eb.fn.countAll().as('n'))
        .as('drafts'),
      eb
        .selectFrom('saved')
        .select((eb) => eb.fn.countAll().as('n'))
        .as('saved'),
    ])
    .executeTakeFirstOrThrow()
  if (Number(result.drafts) === 0) return 'submitted'
  return Number(result.saved) === 1 ? 'saved' : 'conflict'
}

export function markInvitationSubmitted(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
) {
  return db
    .updateTable('invitation')
    .set({ status: 'submitted', submitted_at: now, last_activity_at: now, updated_at: now })
    .where('id', '=', invitationId)
    .returning(['organisation_id', 'engagement_id'])
    .executeTakeFirstOrThrow()
}

export async function markInvitationReopened(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ status: 'reopened', reopened_at: now, updated_at: now })
    .where('id', '=', invitationId)
    .execute()
}

/** An invitation of the organisation (the buyer's scope for reopening). */
export function findInvitationOfOrganisation(
  db: Kysely<Database>,
  { organisationId, invitationId }: { organisationId: string; invitationId: string },
) {
  return db
    .selectFrom('invitation')
    .select(['id', 'engagement_id'])
    .where('id', '=', invitationId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** The email of the buyer who sent the invitation (told when the vendor submits). */
export async function findInvitingUserEmail(
  db: Kysely<Database>,
  { invitationId }: { invitationId: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('invitation')
    .innerJoin('user', 'user.id', 'invitation.invited_by_user_id')
    .select(['user.email'])
    .where('invitation.id', '=', invitationId)
    .executeTakeFirst()
  return row?.email
}

// --- assessments -------------------------------------------------------------------------------

/** What assessing a response needs: its pinned questionnaire and its engagement's profile. */
export function getAssessmentInputs(db: Kysely<Database>, { responseId }: { responseId: string }) {
  return db
    .selectFrom('response')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .innerJoin('regulatory_profile', 'regulatory_profile.engagement_id', 'invitation.engagement_id')
    .select(['response.questionnaire_id', 'response.questionnaire_version', 'regulatory_profile.profile_json'])
    .where('response.id', '=', responseId)
    .executeTakeFirstOrThrow()
}

/**
 * Stores a new current assessment; the previous current one stays as history.
 * SQL: update assessment set is_current = 0 where response_id = ? and is_current = 1; insert into assessment …
 */
export async function replaceCurrentAssessment(
  db: Kysely<Database>,
  row: Insertable<AssessmentTable> & { response_id: string },
): Promise<void> {
  await db
    .updateTable('assessment')
    .set({ is_current: 0 })
    .where('response_id', '=', row.response_id)
    .where('is_current', '=', 1)
    .execute()
  await db.insertInto('assessment').values(row).execute()
}

export async function hasCurrentAssessment(
  db: Kysely<Database>,
  { responseId }: { responseId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('assessment')
    .select('id')
    .where('response_id', '=', responseId)
    .where('is_current', '=', 1)
    .executeTakeFirst()
  return row !== undefined
}

// --- rows written as they are (the demo seed dates its history) --------------------------------

export async function insertResponse(db: Kysely<Database>, row: Insertable<ResponseTable>): Promise<void> {
  await db.insertInto('response').values(row).execute()
}

export async function insertAnswerRows(db: Kysely<Database>, rows: Insertable<AnswerTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('answer').values(rows).execute()
}

// --- re-assessment after a rules release -------------------------------------------------------

/**
 * The engine and rules versions the current assessments of submitted responses were made with
 * (a handful of rows), read from the partial index on current assessments.
 * SQL: select distinct engine_version, rules_version from assessment a join response r
 *      where a.is_current = 1 and r.status = 'submitted'
 */
export function listCurrentAssessmentStamps(db: Kysely<Database>) {
  return db
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select(['assessment.engine_version as engine', 'assessment.rules_version as rules'])
    .distinct()
    .where('assessment.is_current', '=', 1)
    .where('response.status', '=', 'submitted')
    .execute()
}

/**
 * The current assessments of submitted responses made with one engine and rules version, oldest
 * first. SQL: select a.id from assessment a join response r … where a.is_current = 1
 *      and a.engine_version = ? and a.rules_version = ? and r.status = 'submitted'
 */
export async function listCurrentAssessmentIdsStamped(
  db: Kysely<Database>,
  { engine, rules }: { engine: string; rules: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select('assessment.id')
    .where('assessment.is_current', '=', 1)
    .where('assessment.engine_version', '=', engine)
    .where('assessment.rules_version', '=', rules)
    .where('response.status', '=', 'submitted')
    .orderBy('assessment.created_at')
    .orderBy('assessment.id')
    .execute()
  return rows.map((row) => row.id)
}

/**
 * Claims assessments for re-assessment: those of `ids` that are still current, with what the
 * re-assessment compares against. A write that changes nothing, so it takes the write lock first
 * (SQLite; PostgreSQL locks the rows and re-checks `is_current` after a concurrent commit): an
 * assessment another runner has replaced meanwhile is no longer current and is not returned, so no
 * response is re-assessed twice.
 * SQL: update assessment set is_current = is_current where id in (…) and is_current = 1 returning …
 */
export function claimCurrentAssessments(db: Kysely<Database>, { ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .updateTable('assessment')
    .set((eb) => ({ is_current: eb.ref('is_current') }))
    .where('id', 'in', [...ids])
    .where('is_current', '=', 1)
    .returning(['id', 'response_id', 'engine_version', 'rules_version', 'verdict', 'result_json'])
    .execute()
}

/** Who each submitted response belongs to (for the audit events of a re-assessment). */
export function listSubmittedResponseOwners(db: Kysely<Database>, { responseIds }: { responseIds: readonly string[] }) {
  if (responseIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('response')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .select([
      'response.id as responseId',
      'invitation.id as invitationId',
      'invitation.organisation_id as organisationId',
      'invitation.engagement_id as engagementId',
      'invitation.vendor_company as vendorCompany',
    ])
    .where('response.id', 'in', [...responseIds])
    .where('response.status', '=', 'submitted')
    .execute()
}

/**
 * The recorded verdict changes of an engagement (newest first) whose assessment is still the
 * current one: once a vendor resubmits or the profile changes, the change is history (the audit
 * log keeps it). Optionally since an instant, or for one assessment.
 * SQL: select e.created_at, e.detail_json, a.id from audit_event e join assessment a on a.id = e.subject_id
 *      where e.organisation_id = ? and e.engagement_id = ? and e.action = ? and a.is_current = 1 [and …]
 */
export function listCurrentVerdictChangeEvents(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    action,
    since,
    assessmentId,
  }: { organisationId: string; engagementId: string; action: string; since?: string; assessmentId?: string },
) {
  let query = db
    .selectFrom('audit_event')
    .innerJoin('assessment', 'assessment.id', 'audit_event.subject_id')
    .select([
      'audit_event.created_at as createdAt',
      'audit_event.detail_json as detailJson',
      'assessment.id as assessmentId',
    ])
    .where('audit_event.organisation_id', '=', organisationId)
    .where('audit_event.engagement_id', '=', engagementId)
    .where('audit_event.action', '=', action)
    .where('audit_event.subject_type', '=', 'assessment')
    .where('assessment.is_current', '=', 1)
  if (since) query = query.where('audit_event.created_at', '>=', since)
  if (assessmentId) query = query.where('audit_event.subject_id', '=', assessmentId)
  return query.orderBy('audit_event.created_at', 'desc').orderBy('audit_event.id', 'desc').execute()
}
