import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { getEnv } from '../env.server.ts'
import { ensureResponse } from '../responses/answers.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { MAX_EVIDENCE_PER_RESPONSE_BYTES } from './evidence-policy.ts'
import { checkEvidenceFile } from './file-check.server.ts'
import { type EvidenceStore, LocalDiskEvidenceStore } from './storage.server.ts'

let store: EvidenceStore | undefined

/** Evidence lives beside the database file (under data/ by default), never in a public folder. */
export function evidenceStore(): EvidenceStore {
  if (!store) {
    const file = getEnv().databaseFile
    const root = file === ':memory:' ? path.resolve('data/evidence') : path.join(path.dirname(file), 'evidence')
    store = new LocalDiskEvidenceStore(root)
  }
  return store
}

export class EvidenceRejectedError extends Error {
  override name = 'EvidenceRejectedError'
}

/**
 * Adds an evidence file to a question of the vendor's response: checked by content, within the
 * 200 MB per-response quota, stored under a generated key with its SHA-256.
 */
export async function addEvidence(
  db: Kysely<Database>,
  {
    invitationId,
    questionId,
    bytes,
    fileName,
  }: { invitationId: string; questionId: string; bytes: Uint8Array; fileName: string },
) {
  const checked = await checkEvidenceFile({ bytes, fileName })
  if (!checked.ok) throw new EvidenceRejectedError(checked.reason)
  const now = nowIso()
  const response = await ensureResponse(db, { invitationId, now })
  if (response.status === 'submitted') throw new EvidenceRejectedError('Your answers were submitted and are read-only.')
  const used = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.val(0)).as('total'))
    .where('response_id', '=', response.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  if (Number(used.total) + checked.size > MAX_EVIDENCE_PER_RESPONSE_BYTES) {
    throw new EvidenceRejectedError(
      'Your uploads would exceed 200 MB for this questionnaire. Remove a file you no longer need first.',
    )
  }
  const storageKey = await evidenceStore().put(bytes)
  const id = newId()
  await db
    .insertInto('evidence')
    .values({
      id,
      response_id: response.id,
      question_id: questionId,
      file_name: checked.fileName,
      content_type: checked.contentType,
      size_bytes: checked.size,
      sha256: checked.sha256,
      storage_key: storageKey,
      certificate_type: null,
      issued_on: null,
      expires_on: null,
      created_at: now,
      deleted_at: null,
    })
    .execute()
  return { id, ...checked }
}

export function listEvidence(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  return db
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .select([
      'evidence.id',
      'evidence.question_id as questionId',
      'evidence.file_name as fileName',
      'evidence.size_bytes as size',
      'evidence.sha256',
      'evidence.created_at as createdAt',
    ])
    .where('response.invitation_id', '=', invitationId)
    .where('evidence.deleted_at', 'is', null)
    .orderBy('evidence.created_at')
    .execute()
}

export async function deleteEvidence(
  db: Kysely<Database>,
  { invitationId, evidenceId }: { invitationId: string; evidenceId: string },
) {
  const row = await findEvidenceForVendor(db, { invitationId, evidenceId })
  if (!row) return false
  await db.updateTable('evidence').set({ deleted_at: nowIso() }).where('id', '=', row.id).execute()
  await evidenceStore().delete(row.storage_key)
  return true
}

/** A file of this vendor's own response only. */
export function findEvidenceForVendor(
  db: Kysely<Database>,
  { invitationId, evidenceId }: { invitationId: string; evidenceId: string },
) {
  return db
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .selectAll('evidence')
    .where('evidence.id', '=', evidenceId)
    .where('response.invitation_id', '=', invitationId)
    .where('evidence.deleted_at', 'is', null)
    .executeTakeFirst()
}

/** A file of any vendor of the buyer's organisation only. */
export function findEvidenceForBuyer(
  db: Kysely<Database>,
  { organisationId, evidenceId }: { organisationId: string; evidenceId: string },
) {
  return db
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
    .selectAll('evidence')
    .where('evidence.id', '=', evidenceId)
    .where('invitation.organisation_id', '=', organisationId)
    .where('evidence.deleted_at', 'is', null)
    .executeTakeFirst()
}

/** The download response: always an attachment (helmet adds X-Content-Type-Options: nosniff to every response). */
export async function evidenceDownload(row: {
  storage_key: string
  content_type: string
  file_name: string
  sha256: string
}) {
  const bytes = await evidenceStore().get(row.storage_key)
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': row.content_type,
      'Content-Disposition': `attachment; filename="${row.file_name.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
      'Cache-Control': 'private, no-store',
      ETag: `"${row.sha256}"`,
    },
  })
}
