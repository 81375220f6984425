import { describe, expect, test } from 'vitest'
import { checkEvidenceFile } from '#app/evidence/file-check.server.ts'
import { concat, exeBytes, jpegBytes, pdfBytes, pngBytes, svgBytes } from '#test/support/evidence-files.ts'

const reasonOf = async (bytes: Uint8Array, fileName: string) => {
  const result = await checkEvidenceFile({ bytes, fileName })
  return result.ok ? null : result.reason
}

describe('evidence file checks (by content, not by name)', () => {
  test.each([
    ['a PDF', pdfBytes(), 'iso-27001-certificate.pdf', 'application/pdf'],
    ['a PNG', pngBytes(), 'scan.png', 'image/png'],
    ['a JPEG', jpegBytes(), 'photo.jpg', 'image/jpeg'],
    ['a PDF named .png', pdfBytes(), 'misnamed.png', 'application/pdf'],
  ])('accepts %s and records its detected type and SHA-256', async (_label, bytes, fileName, contentType) => {
    const result = await checkEvidenceFile({ bytes, fileName })
    expect(result).toMatchObject({ ok: true, contentType, fileName, size: bytes.byteLength })
    expect(result.ok && result.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  test('refuses an empty file', async () => {
    expect(await reasonOf(new Uint8Array(), 'empty.pdf')).toBe('"empty.pdf" is empty (0 bytes).')
  })

  test('refuses a file over 10 MB', async () => {
    const big = concat(pdfBytes(), new Uint8Array(10 * 1024 * 1024))
    expect(await reasonOf(big, 'big.pdf')).toMatch(/^"big.pdf" is 10\.0 MB; the limit is 10 MB per file\.$/)
  })

  test('refuses an executable renamed to .pdf', async () => {
    expect(await reasonOf(exeBytes(), 'certificate.pdf')).toMatch(
      /^"certificate.pdf" cannot be accepted: its content is EXE \(.+\)\. Upload a PDF, PNG or JPEG\.$/,
    )
  })

  test('refuses an SVG (it can carry script)', async () => {
    const reason = await reasonOf(svgBytes(), 'logo.svg')
    expect(reason).toMatch(/Upload a PDF, PNG or JPEG\.$/)
  })

  test.each([
    [
      'a PDF with an HTML page appended',
      concat(pdfBytes(), new Uint8Array(Buffer.from('<html><script>alert(1)</script></html>'))),
      'HTML or script markup',
    ],
    [
      'a JPEG with a ZIP archive appended',
      concat(jpegBytes(), new Uint8Array(Buffer.from('PK\u0003\u0004....PK\u0005\u0006\0\0\0\0'))),
      'a ZIP archive',
    ],
    [
      'a PDF with a JavaScript action',
      pdfBytes('x) Tj ET /AA << /O << /S /JavaScript /JS (app.alert(1)) >> >> BT (y'),
      'PDF actions',
    ],
  ])('refuses a polyglot: %s', async (_label, bytes, what) => {
    expect(await reasonOf(bytes, 'evidence.pdf')).toContain(what)
  })

  test.each(['../../etc/passwd.pdf', '..\\windows\\system.pdf', 'evidence/../../x.pdf', 'report..pdf', 'a\u0000b.pdf'])(
    'refuses the file name %j',
    async (fileName) => {
      expect(await reasonOf(pdfBytes(), fileName)).toMatch(/folder path|"\.\."/)
    },
  )
})
