import { MAX_EVIDENCE_FILE_BYTES } from './evidence-policy.ts'

/**
 * Where evidence is uploaded: the vendor's section page (`/v/section/<id>`) and a requested change
 * (`/v/requests/<id>`), and `.data` when the browser submits them with JavaScript. Multipart posts
 * there are streamed to the route, which reads them with busboy and its per-file limit, instead of
 * being buffered by the body guard.
 */
export function isEvidenceUploadPath(path: string): boolean {
  return /^\/v\/(section|requests)\/[^/]+(\.data)?$/.test(path)
}

/** A whole upload request: one file of at most 10 MB and the small form around it. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_EVIDENCE_FILE_BYTES + 1024 * 1024
