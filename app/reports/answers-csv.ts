import { toCsv } from '../utils/csv.ts'
import type { VendorReport } from './report-model.ts'

const ANSWERS_CSV_HEADER = [
  'Question id',
  'Section',
  'Question',
  'Answer',
  'Evidence files',
  'Version',
  'Updated at',
] as const

/**
 * A vendor's answers as CSV, one row per question shown in the report (answers in English, as the
 * report reads them). toCsv escapes every cell a spreadsheet would run as a formula.
 */
export function answersCsv(report: VendorReport): string {
  const rows = report.answerSections.flatMap((section) =>
    section.answers.map((a) => [
      a.questionId,
      section.title,
      a.prompt,
      a.answer,
      a.evidence.map((e) => e.fileName).join('; '),
      a.version ?? '',
      a.updatedAt ?? '',
    ]),
  )
  return toCsv(ANSWERS_CSV_HEADER, rows)
}

/** A file name for a download: the vendor's name, ASCII only. */
export function downloadName(vendorOrEngagement: string, suffix: string): string {
  const base = vendorOrEngagement
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
  return `${base || 'vendor'}-${suffix}`
}
