import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { saveAnswer } from '#app/responses/answers.server.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { concat, exeBytes, jpegBytes, pdfBytes, svgBytes } from '#test/support/evidence-files.ts'
import { inviteThroughApp } from '#test/support/invite-through-app.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'

const env = setUpServerWithSmtp()

const QUESTION = 'destruction.certificateSample'
const SECTION = '/v/section/destruction'

async function vendorWithFileQuestion(contactEmail: string) {
  const { org, buyer, vendor, invitationId } = await inviteThroughApp(env, {
    engagementName: 'Coding',
    vendorCompany: 'Vendor',
    contactName: 'V',
    contactEmail,
  })
  // The sample certificate question appears once the vendor says it provides certificates.
  await saveAnswer(getDb(), {
    invitationId,
    questionId: 'destruction.certificateProvided',
    value: true,
    baseVersion: 0,
  })
  return { org, buyer, vendor, invitationId }
}

function upload(vendor: BrowserClient, bytes: Uint8Array, fileName: string, questionId = QUESTION) {
  const form = new FormData()
  form.set('questionId', questionId)
  form.set('file', new Blob([Buffer.from(bytes)]), fileName)
  return vendor.postMultipart(SECTION, form)
}

describe('evidence uploads', () => {
  test('a certificate PDF is stored with its SHA-256 and downloadable, as an attachment with nosniff, by the vendor and its buyer only', async () => {
    const { vendor, buyer } = await vendorWithFileQuestion('files@vendor.example')
    const bytes = pdfBytes()
    const response = await upload(vendor, bytes, 'Certificate of sanitisation.pdf')
    expect(response.status).toBe(302)
    const row = await getDb()
      .selectFrom('evidence')
      .selectAll()
      .where('file_name', '=', 'Certificate of sanitisation.pdf')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ content_type: 'application/pdf', size_bytes: bytes.byteLength, question_id: QUESTION })
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(row.storage_key).not.toContain('Certificate')
    expect(await (await vendor.get(SECTION)).text()).toContain('Certificate of sanitisation.pdf')

    for (const [client, path] of [
      [vendor, `/v/evidence/${row.id}`],
      [buyer, `/app/evidence/${row.id}`],
    ] as const) {
      const download = await client.get(path)
      expect(download.status).toBe(200)
      expect(download.headers.get('content-type')).toBe('application/pdf')
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Certificate_of_sanitisation.pdf"/,
      )
      expect(download.headers.get('x-content-type-options')).toBe('nosniff')
      expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true)
    }

    const other = await vendorWithFileQuestion('other@vendor.example')
    expect((await other.vendor.get(`/v/evidence/${row.id}`)).status).toBe(404)
    expect((await other.buyer.get(`/app/evidence/${row.id}`)).status).toBe(404)
    expect((await new BrowserClient(env.server.baseUrl).get(`/v/evidence/${row.id}`)).status).toBe(401)

    const removed = await vendor.post(SECTION, { intent: 'delete-evidence', evidenceId: row.id })
    expect(removed.status).toBe(302)
    expect((await vendor.get(`/v/evidence/${row.id}`)).status).toBe(404)
  })

  test.each([
    ['an oversize file', concat(pdfBytes(), new Uint8Array(11 * 1024 * 1024)), 'big.pdf', 413, 'larger than 10 MB'],
    ['a renamed executable', exeBytes(), 'certificate.pdf', 400, 'its content is EXE'],
    [
      'a polyglot',
      concat(pdfBytes(), new Uint8Array(Buffer.from('<html><script>alert(1)</script>'))),
      'report.pdf',
      400,
      'also contains HTML or script markup',
    ],
    ['a path-traversal file name', jpegBytes(), '../../etc/passwd.jpg', 400, 'contains a folder path'],
    ['an empty file', new Uint8Array(), 'empty.pdf', 400, 'is empty (0 bytes)'],
    ['an SVG', svgBytes(), 'logo.svg', 400, 'Upload a PDF, PNG or JPEG'],
  ])('%s is refused with a clear message and nothing is stored', async (_label, bytes, fileName, status, message) => {
    const { vendor, invitationId } = await vendorWithFileQuestion(
      `${fileName.replace(/\W/g, '')}-${bytes.byteLength}@vendor.example`,
    )
    const response = await upload(vendor, bytes, fileName)
    expect(response.status).toBe(status)
    expect(await response.text()).toContain(message)
    const stored = await getDb()
      .selectFrom('evidence')
      .innerJoin('response', 'response.id', 'evidence.response_id')
      .select('evidence.id')
      .where('response.invitation_id', '=', invitationId)
      .execute()
    expect(stored).toEqual([])
  })
})
