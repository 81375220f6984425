import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib'

/**
 * Looks inside a PDF for active content with a real parser (pdf-lib), so that nothing a byte
 * search would miss gets through: names written with `#xx` escapes (`/Java#53cript`, in either
 * hex case), objects packed in compressed object streams, and later revisions appended after the
 * first `%%EOF` are all parsed into the same objects a viewer would read.
 *
 * Refused: JavaScript anywhere; actions that launch programs, import or submit data, or play
 * media (which can carry scripts); actions that run on their own (`/AA`, and an `/OpenAction`
 * that does more than go to a page); embedded files and file attachments; XFA forms; and
 * encrypted PDFs (their streams cannot be inspected). Links (`/URI`, `/GoTo`) are fine: reports
 * are full of them.
 */

export type PdfInspection = { ok: true } | { ok: false; what: string }

const RUNS_CODE = 'JavaScript or actions that run code or open other files'
const CARRIES_FILES = 'embedded files'

/** Action types (`/S`) a certificate never needs. */
const ACTIVE_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'ImportData',
  'SubmitForm',
  'RichMediaExecute',
  'GoToE',
  'Rendition',
  'Sound',
  'Movie',
])

/** A name as a viewer reads it: pdf-lib decodes `#xx` in upper-case hex only, so decode the rest. */
export function nameText(name: PDFName): string {
  return name
    .decodeText()
    .replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}

function findingInDict(dict: PDFDict, lookup: (object: PDFObject) => PDFObject | undefined): string | undefined {
  for (const [key, value] of dict.entries()) {
    const name = nameText(key)
    if (name === 'JS' || name === 'JavaScript' || name === 'AA') return RUNS_CODE
    if (name === 'EmbeddedFiles' || name === 'EmbeddedFile' || name === 'RichMedia') return CARRIES_FILES
    if (name === 'XFA') return 'an XML form (XFA), which can carry scripts'
    if (name === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(nameText(value))) return RUNS_CODE
    if ((name === 'Type' || name === 'Subtype') && value instanceof PDFName) {
      const type = nameText(value)
      if (type === 'EmbeddedFile' || type === 'FileAttachment' || type === 'Filespec') return CARRIES_FILES
    }
    if (name === 'OpenAction') {
      // A destination (an array) only opens the document at a page; an action dictionary must be a GoTo.
      const action = lookup(value)
      if (action instanceof PDFDict) {
        const inner = findingInDict(action, lookup)
        if (inner) return inner
        const type = action.get(PDFName.of('S'))
        if (!(type instanceof PDFName) || nameText(type) !== 'GoTo') return 'an action that runs when it is opened'
      }
    }
  }
  return undefined
}

/** Every dictionary inside an object, including those nested in arrays and stream dictionaries. */
function* dictsIn(object: PDFObject): Generator<PDFDict> {
  const dict = object instanceof PDFStream ? object.dict : object
  if (dict instanceof PDFDict) {
    yield dict
    for (const value of dict.values()) yield* dictsIn(value)
  } else if (dict instanceof PDFArray) {
    for (const value of dict.asArray()) yield* dictsIn(value)
  }
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  let document: PDFDocument
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })
  } catch {
    return { ok: false, what: 'a structure we could not read' }
  }
  if (document.isEncrypted) return { ok: false, what: 'encryption (a password or permissions)' }
  const context = document.context
  const lookup = (object: PDFObject) => (object instanceof PDFRef ? context.lookup(object) : object)
  try {
    for (const [, object] of context.enumerateIndirectObjects()) {
      for (const dict of dictsIn(object)) {
        const what = findingInDict(dict, lookup)
        if (what) return { ok: false, what }
      }
    }
  } catch {
    // Objects nested deeper than the stack allows: no certificate looks like that.
    return { ok: false, what: 'a structure we could not read' }
  }
  return { ok: true }
}
