import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_EXTENSIONS,
  type EvidenceContentType,
  MAX_EVIDENCE_FILE_BYTES,
} from './evidence-policy.ts'
import { inspectPdf } from './pdf-inspection.server.ts'

export type FileCheck =
  | { ok: true; contentType: EvidenceContentType; sha256: string; fileName: string; size: number }
  | { ok: false; reason: string }

// Markers of a second format hidden in an allowed file (a "polyglot"): markup a browser would run,
// or an archive or executable. Looked for in the bytes read as single-byte text and as UTF-16 in
// both byte orders (a browser sniffs markup in either). Active content inside a PDF is found by
// parsing it (pdf-inspection.server.ts), not by searching its bytes. Certificates never need them.
const POLYGLOT_MARKERS: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /<\s*(script|html|svg|iframe|object|embed)\b/i, what: 'HTML or script markup' },
  { pattern: /<!doctype\s+html/i, what: 'an HTML document' },
  { pattern: /<\?php/i, what: 'PHP code' },
]

/** The file's bytes as the texts a content sniffer might read: single-byte, UTF-16LE and UTF-16BE. */
function textReadings(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes)
  const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2))).swap16()
  // Both alignments of UTF-16: markup may start at an odd offset.
  const shifted = buffer.subarray(1, buffer.length - ((buffer.length - 1) % 2))
  return [
    buffer.toString('latin1'),
    buffer.toString('utf16le'),
    swapped.toString('utf16le'),
    shifted.toString('utf16le'),
    Buffer.from(shifted).swap16().toString('utf16le'),
  ]
}

/** The file name a download is saved under: its own name with the extension of its detected type. */
export function nameWithDetectedExtension(fileName: string, contentType: EvidenceContentType): string {
  const extension = EVIDENCE_EXTENSIONS[contentType]
  const dot = fileName.lastIndexOf('.')
  const current = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : ''
  if (extension.accepted.includes(current)) return fileName
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName
  return `${stem}.${extension.preferred}`
}

// "PK\x05\x06": the end-of-archive record every ZIP (and JAR, DOCX, APK) carries.
const ZIP_END_OF_CENTRAL_DIRECTORY = 'PK\u0005\u0006'

const isControlCharacter = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f

const FORMAT_NAMES: Record<EvidenceContentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
}

/** A display name without folders or control characters; refuse anything that tries to be a path. */
export function checkFileName(name: string): { ok: true; fileName: string } | { ok: false; reason: string } {
  const trimmed = name.trim()
  if (!trimmed) return { ok: false, reason: 'The file has no name.' }
  if (/[/\\]/.test(trimmed)) {
    return {
      ok: false,
      reason: `The file name "${trimmed}" contains a folder path; rename the file and upload it again.`,
    }
  }
  if (trimmed.includes('..') || [...trimmed].some(isControlCharacter)) {
    return {
      ok: false,
      reason: 'The file name contains ".." or control characters; rename the file and upload it again.',
    }
  }
  if (trimmed.length > 200) return { ok: false, reason: 'The file name is longer than 200 characters.' }
  return { ok: true, fileName: trimmed }
}

/**
 * Checks an uploaded evidence file by its content, never by its name: not empty, at most 10 MB, a
 * real PDF, PNG or JPEG (magic bytes, via file-type), no second format hidden inside, and no
 * active content in a PDF. Returns the detected type, the SHA-256 and the name to keep (with the
 * detected type's extension: "setup.exe" that is a PDF is kept as "setup.pdf"), or a reason a
 * vendor can act on.
 */
export async function checkEvidenceFile({
  bytes,
  fileName,
}: {
  bytes: Uint8Array
  fileName: string
}): Promise<FileCheck> {
  const name = checkFileName(fileName)
  if (!name.ok) return name
  if (bytes.byteLength === 0) return { ok: false, reason: `"${name.fileName}" is empty (0 bytes).` }
  if (bytes.byteLength > MAX_EVIDENCE_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1)
    return { ok: false, reason: `"${name.fileName}" is ${mb} MB; the limit is 10 MB per file.` }
  }
  const detected = await fileTypeFromBuffer(bytes)
  const contentType = detected?.mime as EvidenceContentType | undefined
  if (!contentType || !(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    const what = detected
      ? `its content is ${detected.ext.toUpperCase()} (${detected.mime})`
      : 'its content is not a PDF, PNG or JPEG'
    return { ok: false, reason: `"${name.fileName}" cannot be accepted: ${what}. Upload a PDF, PNG or JPEG.` }
  }
  const readings = textReadings(bytes)
  const latin1 = readings[0] ?? ''
  const pdf = contentType === 'application/pdf' ? await inspectPdf(bytes) : ({ ok: true } as const)
  const hidden =
    POLYGLOT_MARKERS.find((marker) => readings.some((text) => marker.pattern.test(text))) ??
    (latin1.includes(ZIP_END_OF_CENTRAL_DIRECTORY) ? { what: 'a ZIP archive' } : undefined) ??
    (pdf.ok ? undefined : { what: pdf.what })
  if (hidden) {
    return {
      ok: false,
      reason: `"${name.fileName}" is a ${FORMAT_NAMES[contentType]} that also contains ${hidden.what}, which we do not accept. Export or scan the document again as a plain ${FORMAT_NAMES[contentType]}.`,
    }
  }
  return {
    ok: true,
    contentType,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: nameWithDetectedExtension(name.fileName, contentType),
    size: bytes.byteLength,
  }
}
