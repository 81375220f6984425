/** What a vendor may upload as evidence. Client-safe: the form shows the same limits it enforces. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number]
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024
export const MAX_EVIDENCE_PER_RESPONSE_BYTES = 200 * 1024 * 1024

/** The extension a file of each type is stored and downloaded under, and the ones it may already have. */
export const EVIDENCE_EXTENSIONS: Record<EvidenceContentType, { preferred: string; accepted: string[] }> = {
  'application/pdf': { preferred: 'pdf', accepted: ['pdf'] },
  'image/png': { preferred: 'png', accepted: ['png'] },
  'image/jpeg': { preferred: 'jpg', accepted: ['jpg', 'jpeg'] },
}
