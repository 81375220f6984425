import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy from 'busboy'

export type Upload = {
  fields: Record<string, string>
  file?: { name: string; bytes: Uint8Array; tooLarge: boolean }
}

/**
 * Reads a multipart upload with one file, keeping the file name exactly as sent (busboy's
 * `preservePath`) so a name like "../../etc/passwd.pdf" can be refused with a message instead of
 * being silently shortened. Stops buffering at `maxBytes` and reports the file as too large.
 */
export function readUpload(request: Request, { maxBytes }: { maxBytes: number }): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const contentType = request.headers.get('content-type') ?? ''
    if (!request.body) return resolve({ fields: {} })
    const parser = busboy({
      headers: { 'content-type': contentType },
      preservePath: true,
      limits: { files: 1, fileSize: maxBytes, fields: 20 },
    })
    const upload: Upload = { fields: {} }
    parser.on('field', (name, value) => {
      upload.fields[name] = value
    })
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = []
      let tooLarge = false
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        tooLarge = true
      })
      stream.on('end', () => {
        upload.file = { name: info.filename ?? '', bytes: new Uint8Array(Buffer.concat(chunks)), tooLarge }
      })
    })
    parser.on('close', () => resolve(upload))
    parser.on('error', reject)
    Readable.fromWeb(request.body as unknown as NodeReadableStream).pipe(parser)
  })
}
