import { renderToBuffer } from '@react-pdf/renderer'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { assess } from '../../assessment/engine.ts'
import { generateVendorAnswers, mulberry32 } from '../../assessment/generate-answers.ts'
import { ProfileSchema } from '../../regulations/profile.ts'
import type { Comparison } from '../comparison-model.ts'
import type { VendorReport } from '../report-model.ts'
import { buildVendorReport } from '../report-model.ts'
import { ComparisonDocument } from './comparison-document.tsx'
import { registerPdfFonts } from './fonts.server.ts'
import { VendorAnswersDocument, type VendorAnswersPdf } from './vendor-answers-document.tsx'
import { VendorReportDocument } from './vendor-report-document.tsx'

/**
 * Renders a PDF from a view model. CPU-bound (layout, font subsetting, compression): the server
 * calls it through the worker pool (pdf-pool.server.ts), never on the request thread.
 */
export type PdfJob =
  | { kind: 'vendor-report'; model: VendorReport }
  | { kind: 'comparison'; model: Comparison }
  | { kind: 'vendor-answers'; model: VendorAnswersPdf }

export async function renderPdf(job: PdfJob): Promise<Uint8Array> {
  registerPdfFonts()
  const buffer =
    job.kind === 'vendor-report'
      ? await renderToBuffer(<VendorReportDocument report={job.model} />)
      : job.kind === 'vendor-answers'
        ? await renderToBuffer(<VendorAnswersDocument model={job.model} />)
        : await renderToBuffer(<ComparisonDocument comparison={job.model} />)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/**
 * Loads the fonts and compiles the layout code by rendering a sample report twice (a made-up
 * vendor's answers, assessed by the real engine), so real renders start warm.
 */
export async function warmUpRenderer(): Promise<void> {
  registerPdfFonts()
  const profile = ProfileSchema.parse({
    homeCountry: 'US',
    industry: 'healthcare',
    dataCategories: ['phi', 'eu-personal-data'],
    volumes: {},
    flags: {},
    purposes: [],
  })
  const answers = generateVendorAnswers(coreQuestionnaire, mulberry32(7))
  const asOf = new Date().toISOString().slice(0, 10)
  const { assessment } = assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf })
  const model = buildVendorReport({
    engagement: { id: 'warm-up', name: 'Warm-up' },
    profile,
    vendor: {
      invitationId: 'warm-up',
      company: 'Warm-up 样本',
      country: 'US',
      contactName: 'Warm-up',
      contactEmail: 'warm-up@example.com',
      status: 'submitted',
      submittedAt: asOf,
    },
    questionnaire: coreQuestionnaire,
    answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value, version: 1, updatedAt: asOf })),
    evidence: [],
    assessment,
    decisions: [],
    today: asOf,
  })
  for (let i = 0; i < 2; i++) await renderPdf({ kind: 'vendor-report', model })
}
