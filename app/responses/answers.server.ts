import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { GroupCommit } from '../utils/group-commit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'

export class ResponseSubmittedError extends Error {
  override name = 'ResponseSubmittedError'
  constructor() {
    super('This questionnaire was submitted and is read-only. Ask the buyer to reopen it to change answers.')
  }
}

export type SaveAnswerResult =
  | { status: 'saved'; version: number }
  | { status: 'conflict'; currentValue: unknown; currentVersion: number }

/** The vendor's response for an invitation, created (pinned to the engagement's questionnaire) on first use. */
export async function ensureResponse(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
) {
  const existing = await db
    .selectFrom('response')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst()
  if (existing) return existing
  const engagement = await db
    .selectFrom('invitation')
    .innerJoin('engagement', 'engagement.id', 'invitation.engagement_id')
    .select(['engagement.questionnaire_id', 'engagement.questionnaire_version'])
    .where('invitation.id', '=', invitationId)
    .executeTakeFirstOrThrow()
  await db
    .insertInto('response')
    .values({
      id: newId(),
      invitation_id: invitationId,
      questionnaire_id: engagement.questionnaire_id,
      questionnaire_version: engagement.questionnaire_version,
      created_at: now,
      updated_at: now,
      submitted_at: null,
    })
    .onConflict((oc) => oc.column('invitation_id').doNothing())
    .execute()
  return db.selectFrom('response').selectAll().where('invitation_id', '=', invitationId).executeTakeFirstOrThrow()
}

/**
 * Saves one answer with optimistic concurrency. `baseVersion` is the version the browser last saw
 * (0 for a question never answered). When someone saved in between — another tab, another
 * colleague — nothing is overwritten: the result is a conflict carrying the stored value, and the
 * person chooses. The first answer moves the invitation to "in progress".
 *
 * Saves from many vendors share commits (GroupCommit): a save is acknowledged only once committed.
 *
 * SQL shape: update answer set value_json = ?, version = version + 1
 *            where response_id = ? and question_id = ? and version = ?   (0 rows → conflict)
 */
export function saveAnswer(db: Kysely<Database>, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  if (db.isTransaction) return saveAnswerIn(db, input)
  let batcher = batchers.get(db)
  if (!batcher) {
    batcher = new GroupCommit(db, saveAnswerIn, { expected: (error) => error instanceof ResponseSubmittedError })
    batchers.set(db, batcher)
  }
  return batcher.run(input)
}

/** `value: undefined` clears the answer. */
type SaveAnswerInput = { invitationId: string; questionId: string; value: unknown; baseVersion: number }
const batchers = new WeakMap<Kysely<Database>, GroupCommit<Database, SaveAnswerInput, SaveAnswerResult>>()

/** One save inside the caller's transaction; writes nothing when it refuses or conflicts. */
async function saveAnswerIn(
  trx: Kysely<Database>,
  { invitationId, questionId, value, baseVersion }: SaveAnswerInput,
): Promise<SaveAnswerResult> {
  const now = nowIso()
  const response = await ensureResponse(trx, { invitationId, now })
  if (response.status === 'submitted') throw new ResponseSubmittedError()
  if (value === undefined) return clearAnswerIn(trx, { responseId: response.id, questionId, baseVersion })
  const valueJson = JSON.stringify(value)

  let saved: number | undefined
  if (baseVersion === 0) {
    const inserted = await trx
      .insertInto('answer')
      .values({
        id: newId(),
        response_id: response.id,
        question_id: questionId,
        value_json: valueJson,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['response_id', 'question_id']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) saved = 1
  } else {
    const updated = await trx
      .updateTable('answer')
      .set({ value_json: valueJson, version: baseVersion + 1, updated_at: now })
      .where('response_id', '=', response.id)
      .where('question_id', '=', questionId)
      .where('version', '=', baseVersion)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 1) saved = baseVersion + 1
  }

  if (saved === undefined) {
    const current = await trx
      .selectFrom('answer')
      .select(['value_json', 'version'])
      .where('response_id', '=', response.id)
      .where('question_id', '=', questionId)
      .executeTakeFirst()
    return conflictWith(current)
  }

  await trx.updateTable('response').set({ updated_at: now }).where('id', '=', response.id).execute()
  await trx
    .updateTable('invitation')
    .set({ status: 'in-progress', started_at: now })
    .where('id', '=', invitationId)
    .where('status', 'in', ['invited', 'opened'])
    .execute()
  await trx
    .updateTable('invitation')
    .set({ last_activity_at: now, updated_at: now })
    .where('id', '=', invitationId)
    .execute()
  return { status: 'saved', version: saved }
}

/**
 * Clearing an answer ("not answered" again) deletes it, under the same optimistic check: only the
 * version the person saw may be cleared. The next save starts again from version 0.
 */
async function clearAnswerIn(
  trx: Kysely<Database>,
  { responseId, questionId, baseVersion }: { responseId: string; questionId: string; baseVersion: number },
): Promise<SaveAnswerResult> {
  const current = await trx
    .selectFrom('answer')
    .select(['value_json', 'version'])
    .where('response_id', '=', responseId)
    .where('question_id', '=', questionId)
    .executeTakeFirst()
  if (!current) return baseVersion === 0 ? { status: 'saved', version: 0 } : conflictWith(undefined)
  if (current.version !== baseVersion) return conflictWith(current)
  await trx.deleteFrom('answer').where('response_id', '=', responseId).where('question_id', '=', questionId).execute()
  await trx.updateTable('response').set({ updated_at: nowIso() }).where('id', '=', responseId).execute()
  return { status: 'saved', version: 0 }
}

function conflictWith(current: { value_json: string; version: number } | undefined): SaveAnswerResult {
  return {
    status: 'conflict',
    currentValue: current ? JSON.parse(current.value_json) : undefined,
    currentVersion: current?.version ?? 0,
  }
}

/** Every stored answer of an invitation's response, with versions (for the form and the engine). */
export async function listAnswers(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['answer.question_id as questionId', 'answer.value_json as valueJson', 'answer.version'])
    .where('response.invitation_id', '=', invitationId)
    .execute()
  return rows.map((row) => ({
    questionId: row.questionId,
    value: JSON.parse(row.valueJson) as unknown,
    version: row.version,
  }))
}
