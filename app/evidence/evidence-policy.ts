/** What a vendor may upload as evidence. Client-safe: the form shows the same limits it enforces. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number]
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024
export const MAX_EVIDENCE_PER_RESPONSE_BYTES = 200 * 1024 * 1024
