import Papa from 'papaparse'

/**
 * A cell a spreadsheet would run as a formula (CSV injection, OWASP): one starting with = + - @, or
 * with a tab or carriage return that some spreadsheets strip first. Prefixing an apostrophe makes
 * Excel, LibreOffice and Google Sheets show it as text; the value is otherwise unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * Rows as CSV text (RFC 4180 quoting by papaparse, CRLF line ends, a UTF-8 byte-order mark so Excel
 * reads accents and Chinese names), every cell escaped against formula injection. Numbers are
 * written as numbers: a negative number is data, not a formula, so it is left alone.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cell = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? String(value) : escapeCsvCell(value as string | null)
  const body = Papa.unparse(
    { fields: header.map((h) => escapeCsvCell(h)), data: rows.map((row) => row.map(cell)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  )
  return `\uFEFF${body}\r\n`
}

/** A CSV download: an attachment named `fileName`, never sniffed or cached. */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]+/g, '-')}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}
