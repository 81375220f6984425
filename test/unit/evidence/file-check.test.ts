import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
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
      pdfBytes(undefined, { catalog: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ' }),
      'JavaScript',
    ],
    [
      'a PDF with UTF-16LE markup in a comment',
      concat(pdfBytes(), new Uint8Array(Buffer.from('%<script>alert(1)</script>', 'utf16le'))),
      'HTML or script markup',
    ],
    [
      'a PDF with UTF-16BE markup at an odd offset',
      concat(
        pdfBytes(),
        new Uint8Array(Buffer.from('%x')),
        new Uint8Array(Buffer.from('<svg onload=alert(1)>', 'utf16le').swap16()),
      ),
      'HTML or script markup',
    ],
  ])('refuses a polyglot: %s', async (_label, bytes, what) => {
    expect(await reasonOf(bytes, 'evidence.pdf')).toContain(what)
  })

  test('keeps a file under the extension of its detected type, whatever it was called', async () => {
    const names = async (bytes: Uint8Array, fileName: string) => {
      const result = await checkEvidenceFile({ bytes, fileName })
      return result.ok ? result.fileName : result.reason
    }
    expect(await names(pdfBytes(), 'setup.exe')).toBe('setup.pdf')
    expect(await names(pdfBytes(), 'misnamed.png')).toBe('misnamed.pdf')
    expect(await names(pdfBytes(), 'no extension')).toBe('no extension.pdf')
    expect(await names(pngBytes(), 'scan.PNG')).toBe('scan.PNG')
    expect(await names(jpegBytes(), 'photo.jpeg')).toBe('photo.jpeg')
    expect(await names(jpegBytes(), 'photo.html')).toBe('photo.jpg')
  })

  test('accepts exactly 10 MB (10 × 1024 × 1024 bytes) and refuses one byte more', async () => {
    const pdf = pdfBytes()
    const exactly = concat(pdf, new Uint8Array(10 * 1024 * 1024 - pdf.byteLength).fill(0x20))
    expect(exactly.byteLength).toBe(10 * 1024 * 1024)
    expect((await checkEvidenceFile({ bytes: exactly, fileName: 'ten.pdf' })).ok).toBe(true)
    expect(await reasonOf(concat(exactly, new Uint8Array([0x20])), 'ten.pdf')).toContain('the limit is 10 MB')
  })
})

/** A PDF written by pdf-lib with its objects packed into compressed object streams. */
async function compressedPdf(decorate: (document: PDFDocument) => void) {
  const document = await PDFDocument.create()
  document.addPage().drawText('Certificate of destruction')
  decorate(document)
  return document.save({ useObjectStreams: true })
}

describe('active content inside PDFs, found by parsing them', () => {
  test.each([
    ['a name written with an escape', '/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >> ', 'JavaScript'],
    ['escapes in lower-case hex', '/OpenAction << /S /#4caunch /F (calc.exe) >> ', 'JavaScript or actions'],
    ['a Launch action behind a link', '/Outlines << /First << /A << /S /Launch /F (cmd.exe) >> >> >> ', 'run code'],
    ['embedded files', '/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >> ', 'embedded files'],
    ['an automatic action', '/AA << /WC << /S /GoTo /D [3 0 R /Fit] >> >> ', 'run code'],
    [
      'an opening action that visits a website',
      '/OpenAction << /S /URI /URI (https://evil.example) >> ',
      'when it is opened',
    ],
    ['an XFA form', '/AcroForm << /XFA 9 0 R >> ', 'XFA'],
  ])('refuses %s', async (_label, catalog, what) => {
    expect(await reasonOf(pdfBytes(undefined, { catalog }), 'certificate.pdf')).toContain(what)
  })

  test('refuses JavaScript packed in a compressed object stream (no byte of it is visible)', async () => {
    const bytes = await compressedPdf((document) => {
      const action = document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })
      document.catalog.set(PDFName.of('OpenAction'), document.context.register(action))
    })
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('JavaScript')
    expect(await reasonOf(bytes, 'certificate.pdf')).toContain('JavaScript')
  })

  test('accepts ordinary PDFs: compressed objects, links, and an opening view of the first page', async () => {
    const compressed = await compressedPdf(() => {})
    expect((await checkEvidenceFile({ bytes: compressed, fileName: 'plain.pdf' })).ok).toBe(true)
    const withView = pdfBytes(undefined, { catalog: '/OpenAction [3 0 R /Fit] ' })
    expect((await checkEvidenceFile({ bytes: withView, fileName: 'view.pdf' })).ok).toBe(true)
    const goTo = pdfBytes(undefined, {
      catalog: '/OpenAction << /S /GoTo /D [3 0 R /Fit] >> /URI << /Base (https://iso.org/) >> ',
    })
    expect((await checkEvidenceFile({ bytes: goTo, fileName: 'goto.pdf' })).ok).toBe(true)
  })

  test('refuses an encrypted PDF, whose streams cannot be inspected', async () => {
    const encrypted = pdfBytes(undefined, {}).slice()
    const text = Buffer.from(encrypted)
      .toString('latin1')
      .replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 >>')
    expect(await reasonOf(new Uint8Array(Buffer.from(text, 'latin1')), 'locked.pdf')).toContain('encryption')
  })

  test.each(['../../etc/passwd.pdf', '..\\windows\\system.pdf', 'evidence/../../x.pdf', 'report..pdf', 'a\u0000b.pdf'])(
    'refuses the file name %j',
    async (fileName) => {
      expect(await reasonOf(pdfBytes(), fileName)).toMatch(/folder path|"\.\."/)
    },
  )
})
