import { stripBidiControlsDeep } from '../../utils/bidi.ts'
import { PdfBusyError, PdfTimeoutError, renderPdfOffThread } from './pdf-pool.server.ts'
import type { PdfJob } from './render.server.tsx'

/**
 * A PDF download: rendered off the request thread, sent as an attachment that is never sniffed or
 * cached. A full or slow renderer is a 503 with a plain message, not a 500.
 */
export async function pdfResponse(job: PdfJob, fileName: string): Promise<Response> {
  try {
    // No name in a PDF can reorder its text on the page (app/utils/bidi.ts).
    const bytes = await renderPdfOffThread(stripBidiControlsDeep(job))
    return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]+/g, '-')}"`,
        'Content-Length': String(bytes.byteLength),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  } catch (error) {
    if (error instanceof PdfBusyError || error instanceof PdfTimeoutError) {
      return new Response('The PDF could not be produced right now. Try again in a minute.', {
        status: 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' },
      })
    }
    throw error
  }
}
