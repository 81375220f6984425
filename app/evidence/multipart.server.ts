import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import { emptyRecord } from '../utils/safe-path.ts'

export type Upload = {
  fields: Record<string, string>
  file?: { name: string; bytes: Uint8Array; tooLarge: boolean }
}

/** The upload could not be read: a malformed or truncated body, or a client that went away. */
export class MalformedUploadError extends Error {
  override name = 'MalformedUploadError'
}

/**
 * Reads a multipart upload with one file, keeping the file name exactly as sent (busboy's
 * `preservePath`) so a name like "../../etc/passwd.pdf" can be refused with a message instead of
 * being silently shortened. Stops buffering at `maxBytes` and reports the file as too large.
 *
 * Every stream involved (the request body, the parser, the file part) is joined by `pipeline`, so
 * an error in any of them (a body cut short, a client aborting mid-upload, a bad boundary) rejects
 * with `MalformedUploadError` and destroys the others; nothing is left emitting an unhandled
 * 'error' that would end the process. The file is only kept in memory, never half written to disk.
 */
export async function readUpload(request: Request, { maxBytes }: { maxBytes: number }): Promise<Upload> {
  if (!request.body) throw new MalformedUploadError('The upload was empty.')
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      preservePath: true,
      // Browsers send a file name's UTF-8 bytes as they are (busboy would read them as latin1).
      defParamCharset: 'utf8',
      // One byte over the limit, so that a file of exactly `maxBytes` is whole and not "too large"
      // (busboy reports the limit as soon as a file reaches it).
      limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 64 * 1024 },
    })
  } catch (error) {
    // busboy throws at once for a missing or malformed boundary (the body is left for the server
    // to discard, so the 400 still reaches the client).
    throw new MalformedUploadError(`The upload could not be read: ${(error as Error).message}.`)
  }
  const upload: Upload = { fields: emptyRecord<string>() }
  const fileParts: Promise<void>[] = []
  parser.on('field', (name, value) => {
    upload.fields[name] ??= value
  })
  parser.on('file', (_name, stream, info) => {
    const chunks: Buffer[] = []
    // The file part is a stream of its own: pipe it into a collector so its errors are handled too.
    fileParts.push(
      pipeline(
        stream,
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk)
            done()
          },
        }),
      ).then(() => {
        const bytes = Buffer.concat(chunks)
        upload.file = { name: info.filename ?? '', bytes: new Uint8Array(bytes), tooLarge: bytes.length > maxBytes }
      }),
    )
  })
  try {
    await pipeline(drainingSource(request.body), parser)
    await Promise.all(fileParts)
  } catch (error) {
    // Settle the file parts' promises (they fail with the same error) before answering.
    await Promise.allSettled(fileParts)
    throw new MalformedUploadError(`The upload could not be read: ${(error as Error).message}.`)
  }
  return upload
}

/**
 * The request body as a Node stream which, when the parser fails on a malformed but complete body
 * (a null byte in a part header, a bad boundary), reads the rest of the body and drops it instead
 * of cancelling it: cancelling destroys the socket, and the client would never see the 400.
 * The body guard has already capped an upload's length (app/server/body-guard.server.ts).
 */
function drainingSource(body: ReadableStream<Uint8Array>): Readable {
  const reader = body.getReader()
  return new Readable({
    read() {
      reader.read().then(
        ({ done, value }) => this.push(done ? null : value),
        (error: Error) => this.destroy(error),
      )
    },
    destroy(error, callback) {
      const drain = async () => {
        while (!(await reader.read()).done) {}
      }
      drain().catch(() => {})
      callback(error)
    },
  })
}
