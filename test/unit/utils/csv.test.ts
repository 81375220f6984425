import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { escapeCsvCell, toCsv } from '#app/utils/csv.ts'

describe('CSV export', () => {
  test.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'])(
    'a cell starting like a formula (%j) is made text with a leading apostrophe',
    (value) => {
      expect(escapeCsvCell(value)).toBe(`'${value}`)
    },
  )

  test('plain text, empty and missing values are unchanged', () => {
    expect(escapeCsvCell('Acme Data Services')).toBe('Acme Data Services')
    expect(escapeCsvCell('a=b')).toBe('a=b')
    expect(escapeCsvCell(null)).toBe('')
    expect(escapeCsvCell(undefined)).toBe('')
  })

  test('quotes commas, quotes and newlines, keeps numbers numeric, and reads back to the same cells', () => {
    const csv = toCsv(
      ['Vendor', 'Score', 'Note'],
      [
        ['Acme, Inc.', 74, 'said "yes"\nthen no'],
        ['=cmd|/C calc', -3, '深圳数据有限公司'],
      ],
    )
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(parsed).toEqual([
      ['Vendor', 'Score', 'Note'],
      ['Acme, Inc.', '74', 'said "yes"\nthen no'],
      ["'=cmd|/C calc", '-3', '深圳数据有限公司'],
    ])
  })
})
