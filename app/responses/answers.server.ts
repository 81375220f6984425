import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { dialectOf } from '../db/dialect.ts'
import { GroupCommit } from '../utils/group-commit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import {
  deleteAnswer,
  findAnswer,
  findResponse,
  getEngagementQuestionnaireOfInvitation,
  insertFirstAnswer,
  insertResponseIfAbsent,
  listAnswerRowsOfInvitation,
  recordAnsweringActivity,
  saveAnswerInOnePostgresStatement,
  touchDraftResponse,
  updateAnswerAtVersion,
} from './queries.server.ts'

export class ResponseSubmittedError extends Error {
  override name = 'ResponseSubmittedError'
  constructor() {
    super('This questionnaire was submitted and is read-only. Ask the buyer to reopen it to change answers.')
  }
}

type SaveAnswerResult =
  | { status: 'saved'; version: number }
  | { status: 'conflict'; currentValue: unknown; currentVersion: number }

/** The vendor's response for an invitation, created (pinned to the engagement's questionnaire) on first use. */
export async function ensureResponse(
  db: Kysely<Database>,
  { invitationId, now }: { invitationId: string; now: string },
) {
  const existing = await findResponse(db, { invitationId })
  if (existing) return existing
  const questionnaire = await getEngagementQuestionnaireOfInvitation(db, { invitationId })
  await insertResponseIfAbsent(db, {
    id: newId(),
    invitationId,
    questionnaireId: questionnaire.questionnaire_id,
    questionnaireVersion: questionnaire.questionnaire_version,
    now,
  })
  const created = await findResponse(db, { invitationId })
  if (!created) throw new Error(`the response of invitation ${invitationId} was not created`)
  return created
}

/**
 * Saves one answer with optimistic concurrency. `baseVersion` is the version the browser last saw
 * (0 for a question never answered). When someone saved in between — another tab, another
 * colleague — nothing is overwritten: the result is a conflict carrying the stored value, and the
 * person chooses. The first answer moves the invitation to "in progress".
 *
 * On SQLite, saves from many vendors share commits (GroupCommit): a save is acknowledged only once
 * committed. On PostgreSQL each save commits alone, side by side with the others.
 *
 * SQL shape: update answer set value_json = ?, version = version + 1
 *            where response_id = ? and question_id = ? and version = ?   (0 rows → conflict)
 */
export function saveAnswer(db: Kysely<Database>, input: SaveAnswerInput): Promise<SaveAnswerResult> {
  if (db.isTransaction) return saveAnswerIn(db, input)
  // PostgreSQL: each save its own transaction on a pooled connection, so saves run side by side.
  // A group commit there ran one batch at a time with every save's round trips in a row (50 vendors
  // saving at once: p95 219.5 ms), to save fsyncs that PostgreSQL already shares between
  // concurrent commits (docs/PERFORMANCE.md).
  if (dialectOf(db) === 'postgres') {
    // An existing response's answer in one statement (README decision 95); a first save (which
    // creates the response) and a clear in a transaction.
    if (input.responseId && input.value !== undefined)
      return saveInOneStatement(db, { ...input, responseId: input.responseId })
    return db.transaction().execute((trx) => saveAnswerIn(trx, input))
  }
  let batcher = batchers.get(db)
  if (!batcher) {
    batcher = new GroupCommit(db, saveAnswerIn, { expected: (error) => error instanceof ResponseSubmittedError })
    batchers.set(db, batcher)
  }
  return batcher.run(input)
}

/** `value: undefined` clears the answer. `responseId`: the invitation's response, when the caller read it. */
type SaveAnswerInput = {
  invitationId: string
  questionId: string
  value: unknown
  baseVersion: number
  responseId?: string | null
}
const batchers = new WeakMap<Kysely<Database>, GroupCommit<Database, SaveAnswerInput, SaveAnswerResult>>()

/** One save inside the caller's transaction; writes nothing when it refuses or conflicts. */
async function saveAnswerIn(
  trx: Kysely<Database>,
  { invitationId, questionId, value, baseVersion }: SaveAnswerInput,
): Promise<SaveAnswerResult> {
  const now = nowIso()
  const response = await ensureResponse(trx, { invitationId, now })
  // Marks the draft before the answer (false once submitted): a refusal here has written nothing,
  // and a submit racing this save waits for it.
  if (!(await touchDraftResponse(trx, { responseId: response.id, now }))) throw new ResponseSubmittedError()
  if (value === undefined) return clearAnswerIn(trx, { responseId: response.id, questionId, baseVersion })
  const valueJson = JSON.stringify(value)
  const row = { responseId: response.id, questionId, valueJson, now }
  const stored =
    baseVersion === 0
      ? await insertFirstAnswer(trx, { id: newId(), ...row })
      : await updateAnswerAtVersion(trx, { ...row, baseVersion })
  if (!stored) return conflictWith(await findAnswer(trx, { responseId: response.id, questionId }))

  await recordAnsweringActivity(trx, { invitationId, now })
  return { status: 'saved', version: baseVersion + 1 }
}

async function saveInOneStatement(
  db: Kysely<Database>,
  { invitationId, responseId, questionId, value, baseVersion }: SaveAnswerInput & { responseId: string },
): Promise<SaveAnswerResult> {
  const outcome = await saveAnswerInOnePostgresStatement(db, {
    id: newId(),
    responseId,
    invitationId,
    questionId,
    valueJson: JSON.stringify(value),
    baseVersion,
    now: nowIso(),
  })
  if (outcome === 'submitted') throw new ResponseSubmittedError()
  if (outcome === 'conflict') return conflictWith(await findAnswer(db, { responseId, questionId }))
  return { status: 'saved', version: baseVersion + 1 }
}

/**
 * Clearing an answer ("not answered" again) deletes it, under the same optimistic check: only the
 * version the person saw may be cleared. The next save starts again from version 0.
 */
async function clearAnswerIn(
  trx: Kysely<Database>,
  { responseId, questionId, baseVersion }: { responseId: string; questionId: string; baseVersion: number },
): Promise<SaveAnswerResult> {
  const current = await findAnswer(trx, { responseId, questionId })
  if (!current) return baseVersion === 0 ? { status: 'saved', version: 0 } : conflictWith(undefined)
  if (current.version !== baseVersion) return conflictWith(current)
  await deleteAnswer(trx, { responseId, questionId })
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
  const rows = await listAnswerRowsOfInvitation(db, { invitationId })
  return rows.map((row) => ({
    questionId: row.questionId,
    value: JSON.parse(row.valueJson) as unknown,
    version: row.version,
  }))
}
