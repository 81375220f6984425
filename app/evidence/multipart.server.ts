import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
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
      limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 64 * 1024 },
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
    let tooLarge = false
    stream.on('limit', () => {
      tooLarge = true
    })
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
        upload.file = { name: info.filename ?? '', bytes: new Uint8Array(Buffer.concat(chunks)), tooLarge }
      }),
    )
  })
  try {
    await pipeline(Readable.fromWeb(request.body as unknown as NodeReadableStream), parser)
    await Promise.all(fileParts)
  } catch (error) {
    // Settle the file parts' promises (they fail with the same error) before answering.
    await Promise.allSettled(fileParts)
    throw new MalformedUploadError(`The upload could not be read: ${(error as Error).message}.`)
  }
  return upload
}
