import busboy from 'busboy'
import express, { type NextFunction, type Request, type Response } from 'express'
import { isEvidenceUploadPath, MAX_UPLOAD_REQUEST_BYTES } from '../evidence/upload-request.ts'

/**
 * Every request body is checked here, before any route sees it, so no route can fail on one:
 * a route's `request.formData()` throws on a body it cannot parse (a wrong content type, a
 * missing boundary), and a 5,000-deep JSON document overflows the stack when zod formats its
 * message. One place, for every route that exists and every route added later:
 *
 * - at most 1 MiB for forms and JSON (DECISIONS.md), 413 with a message; an evidence upload is
 *   streamed to its route instead, with a Content-Length of at most 10 MiB plus the form around it;
 * - forms (urlencoded or multipart) everywhere, JSON only where a route reads JSON
 *   (`JSON_PATHS`), anything else 415;
 * - a multipart body must parse whole (boundary, parts, no control characters in names), JSON
 *   must parse and nest at most `MAX_JSON_DEPTH` deep: otherwise 400 with a plain message;
 * - a POST without a body is an empty form, so the route answers it with its own field errors.
 *
 * The checked body is kept in `res.locals.body` (and parsed JSON in `res.locals.json`) for the
 * request handler to hand on (see `bufferedBody`).
 */

export const MAX_BODY_BYTES = 1024 * 1024
export const MAX_JSON_DEPTH = 32

/** Routes that read a JSON body (`request.json()`); every other route reads a form. */
export const JSON_PATHS = new Set(['/v/answers'])

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** A 4xx answered with a plain-text message, from this guard or the error handler. */
export class ClientError extends Error {
  override name = 'ClientError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

type Buffered = { body: Buffer; json?: unknown }

/** The body this guard read and checked, if it read one. */
export function bufferedBody(res: Response): Buffered | undefined {
  return res.locals.bufferedBody as Buffered | undefined
}

const mediaType = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase() ?? ''

const readRaw = express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false })

export function bodyGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const contentType = req.get('content-type')
    const type = mediaType(contentType)
    if (type === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType ?? '')) {
      return next(new ClientError(400, 'The form could not be read: its multipart boundary is missing.'))
    }
    if (type === 'multipart/form-data' && isEvidenceUploadPath(req.path)) return checkUploadLength(req, next)
    readRaw(req, res, (error?: unknown) => {
      if (error) return next(error)
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      req.body = undefined
      checkBody(req.path, type, contentType ?? '', body)
        .then((checked) => {
          res.locals.bufferedBody = checked
          // A POST with no body at all is an empty form: the route answers with its own messages.
          if (!type && body.length === 0) req.headers['content-type'] = 'application/x-www-form-urlencoded'
          next()
        })
        .catch(next)
    })
  }
}

function checkUploadLength(req: Request, next: NextFunction) {
  const length = Number(req.get('content-length'))
  if (!req.get('content-length') || !Number.isSafeInteger(length)) {
    return next(new ClientError(411, 'Send the upload with a Content-Length (every browser does).'))
  }
  if (length > MAX_UPLOAD_REQUEST_BYTES) {
    return next(new ClientError(413, 'The upload is larger than 10 MB; the limit is 10 MB per file.'))
  }
  next()
}

async function checkBody(path: string, type: string, contentType: string, body: Buffer): Promise<Buffered> {
  if (JSON_PATHS.has(path)) {
    if (type === 'application/json') return { body, json: parseJson(body) }
  } else if (FORM_TYPES.has(type)) {
    if (type === 'multipart/form-data') await checkMultipart(contentType, body)
    return { body }
  }
  if (!type && body.length === 0 && !JSON_PATHS.has(path)) return { body }
  const expected = JSON_PATHS.has(path) ? 'application/json' : 'a form (application/x-www-form-urlencoded)'
  throw new ClientError(415, `This address accepts ${expected}, not ${type || 'a body without a content type'}.`)
}

/** JSON.parse after a depth check (a deep document is refused before anything recurses into it). */
export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8')
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new ClientError(400, `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new ClientError(400, 'The request body must be JSON.')
  }
}

/** How deep arrays and objects nest in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth)
    else if (char === 0x7d || char === 0x5d) depth--
  }
  return deepest
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** A multipart body must parse to its end; names of fields and files carry no control characters. */
function checkMultipart(contentType: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const refuse = (message: string) => reject(new ClientError(400, `The form could not be read: ${message}`))
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' })
    } catch (error) {
      return refuse(`${(error as Error).message}.`)
    }
    let bad: string | undefined
    parser.on('field', (name) => {
      if (CONTROL_CHARACTERS.test(name)) bad ??= 'a field name contains control characters.'
    })
    parser.on('file', (name, stream, info) => {
      if (CONTROL_CHARACTERS.test(name) || CONTROL_CHARACTERS.test(info.filename ?? '')) {
        bad ??= 'a file name contains control characters.'
      }
      // A part cut short fails with the parser's error, which is answered below.
      stream.on('error', () => {})
      stream.resume()
    })
    parser.on('error', (error: Error) => refuse(`${error.message}.`))
    parser.on('close', () => (bad ? refuse(bad) : resolve()))
    parser.end(body)
  })
}

const BODY_PARSER_MESSAGES: Record<string, [number, string]> = {
  'entity.too.large': [413, 'The request body is larger than 1 MiB.'],
  'request.aborted': [400, 'The request body did not arrive whole.'],
  'request.size.invalid': [400, 'The request body did not arrive whole.'],
  'encoding.unsupported': [415, 'Compressed request bodies are not accepted.'],
  'charset.unsupported': [415, 'The request body must be UTF-8.'],
}

/**
 * The last Express handler: a client's mistake (from this guard, the body reader or a route that
 * let one through) is a 4xx with a plain message; anything else is logged and answered with a
 * plain 500 that shows no internals.
 */
export function errorHandler() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    const known = error as { status?: number; type?: string }
    const bodyParser = known.type ? BODY_PARSER_MESSAGES[known.type] : undefined
    let status: number
    let message: string
    if (error instanceof ClientError) [status, message] = [error.status, error.message]
    else if (bodyParser) [status, message] = bodyParser
    else if (known.status && known.status >= 400 && known.status < 500) {
      ;[status, message] = [known.status, 'The request could not be read.']
    } else {
      console.error(error)
      ;[status, message] = [500, 'Something went wrong on our side. Nothing you saved was lost; please try again.']
    }
    res.status(status).set('Cache-Control', 'no-store')
    // A body refused for its size, or before it was read (a missing boundary, an upload too large
    // to start): the connection is closed after the answer, never reused. Reusing one that had just
    // carried 50 MB was reset by the next request now and then (seen under load with undici).
    if (status === 413 || !req.complete) res.set('Connection', 'close')
    // JSON endpoints answer in JSON (the autosave queue reads `error`), everything else in plain text.
    if (JSON_PATHS.has(req.path)) res.json({ error: message })
    else res.type('text/plain').send(message)
  }
}
