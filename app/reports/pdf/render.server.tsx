import { Document, Page, renderToBuffer, Text } from '@react-pdf/renderer'
import type { Comparison } from '../comparison-model.ts'
import type { VendorReport } from '../report-model.ts'
import { ComparisonDocument } from './comparison-document.tsx'
import { PDF_FONT_FAMILY, registerPdfFonts } from './fonts.server.ts'
import { VendorReportDocument } from './vendor-report-document.tsx'

/**
 * Renders a PDF from a view model. CPU-bound (layout, font subsetting, compression): the server
 * calls it through the worker pool (pdf-pool.server.ts), never on the request thread.
 */
export type PdfJob = { kind: 'vendor-report'; model: VendorReport } | { kind: 'comparison'; model: Comparison }

export async function renderPdf(job: PdfJob): Promise<Uint8Array> {
  registerPdfFonts()
  const buffer =
    job.kind === 'vendor-report'
      ? await renderToBuffer(<VendorReportDocument report={job.model} />)
      : await renderToBuffer(<ComparisonDocument comparison={job.model} />)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** Loads the fonts (and warms the layout code) with a one-line document, in Latin and Chinese. */
export async function warmUpRenderer(): Promise<void> {
  registerPdfFonts()
  await renderToBuffer(
    <Document>
      <Page>
        <Text style={{ fontFamily: PDF_FONT_FAMILY }}>Shoreline 岸线</Text>
        <Text style={{ fontFamily: PDF_FONT_FAMILY, fontWeight: 700 }}>Shoreline 岸线</Text>
      </Page>
    </Document>,
  )
}
