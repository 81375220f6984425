import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { getEnv } from '../env.server.ts'
import { ensureResponse } from '../responses/answers.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { EVIDENCE_EXTENSIONS, MAX_EVIDENCE_PER_RESPONSE_BYTES } from './evidence-policy.ts'
import { checkEvidenceFile } from './file-check.server.ts'
import {
  findEvidenceForVendor,
  insertEvidence,
  lockResponse,
  markEvidenceDeleted,
  sumEvidenceBytes,
} from './queries.server.ts'
import { type EvidenceStore, LocalDiskEvidenceStore } from './storage.server.ts'

// The queries routes call directly (reads scoped to one vendor or one organisation).
export { findEvidenceForBuyer, findEvidenceForVendor, listEvidence } from './queries.server.ts'

let store: EvidenceStore | undefined

/**
 * Evidence lives in EVIDENCE_DIR (by default beside the SQLite file, under data/), never in a public
 * folder. Several instances share one directory (a network volume), so any of them serves a file
 * another stored.
 */
export function evidenceStore(): EvidenceStore {
  store ??= new LocalDiskEvidenceStore(getEnv().evidenceDir)
  return store
}

/** An upload or removal refused, with a message for the vendor and the status to answer with. */
export class EvidenceRejectedError extends Error {
  override name = 'EvidenceRejectedError'
  constructor(
    message: string,
    readonly status: 400 | 404 | 423 = 400,
  ) {
    super(message)
  }
}

const SUBMITTED = 'Your answers were submitted and are read-only. Ask the buyer to reopen them to change your evidence.'

/**
 * Adds an evidence file to a question of the vendor's response: checked by content, within the
 * 200 MB per-response quota, stored under a generated key with its SHA-256, audited.
 *
 * The quota is reserved atomically: the file is written to the store first, then one write
 * transaction locks the response, sums what it holds and inserts the row, so two uploads at the
 * same moment cannot both fit under the limit by reading the same total. A refused file is
 * removed from the store again. (A crash between the two leaves an unreferenced file, never a
 * row without its file.)
 */
export async function addEvidence(
  db: Kysely<Database>,
  {
    invitationId,
    questionId,
    bytes,
    fileName,
    whileSubmitted = false,
  }: {
    invitationId: string
    questionId: string
    bytes: Uint8Array
    fileName: string
    /** A remediation request asks for this file: a submitted response takes it (app/remediation). */
    whileSubmitted?: boolean
  },
) {
  const checked = await checkEvidenceFile({ bytes, fileName })
  if (!checked.ok) throw new EvidenceRejectedError(checked.reason)
  const now = nowIso()
  await ensureResponse(db, { invitationId, now })
  const storageKey = await evidenceStore().put(bytes, EVIDENCE_EXTENSIONS[checked.contentType].preferred)
  const id = newId()
  try {
    await db.transaction().execute(async (trx) => {
      const response = await lockResponse(trx, { invitationId })
      if (!response) throw new EvidenceRejectedError('Not found', 404)
      if (response.status === 'submitted' && !whileSubmitted) throw new EvidenceRejectedError(SUBMITTED, 423)
      if ((await sumEvidenceBytes(trx, { responseId: response.id })) + checked.size > MAX_EVIDENCE_PER_RESPONSE_BYTES) {
        throw new EvidenceRejectedError(
          'Your uploads would exceed 200 MB for this questionnaire. Remove a file you no longer need first.',
        )
      }
      await insertEvidence(trx, {
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
      await recordAuditEvent(trx, {
        organisationId: response.organisationId,
        engagementId: response.engagementId,
        actor: { type: 'vendor', invitationId },
        action: 'evidence.added',
        subjectType: 'evidence',
        subjectId: id,
        detail: { questionId, fileName: checked.fileName, size: checked.size, sha256: checked.sha256 },
      })
    })
  } catch (error) {
    await evidenceStore().delete(storageKey)
    throw error
  }
  return { id, ...checked }
}

/**
 * Removes a file from the vendor's own response, audited. Once the response is submitted its
 * evidence is read-only like its answers: EvidenceRejectedError with status 423.
 */
export async function deleteEvidence(
  db: Kysely<Database>,
  { invitationId, evidenceId }: { invitationId: string; evidenceId: string },
) {
  const removed = await db.transaction().execute(async (trx) => {
    const response = await lockResponse(trx, { invitationId })
    const row = response && (await findEvidenceForVendor(trx, { invitationId, evidenceId }))
    if (!response || !row) return undefined
    if (response.status === 'submitted') throw new EvidenceRejectedError(SUBMITTED, 423)
    await markEvidenceDeleted(trx, { id: row.id, at: nowIso() })
    await recordAuditEvent(trx, {
      organisationId: response.organisationId,
      engagementId: response.engagementId,
      actor: { type: 'vendor', invitationId },
      action: 'evidence.deleted',
      subjectType: 'evidence',
      subjectId: row.id,
      detail: { questionId: row.question_id, fileName: row.file_name, sha256: row.sha256 },
    })
    return row
  })
  if (!removed) return false
  // After the commit: a failed removal leaves an unreferenced file, never a row without its file.
  await evidenceStore().delete(removed.storage_key)
  return true
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
