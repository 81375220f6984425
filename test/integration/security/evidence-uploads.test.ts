import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { concat, pdfBytes } from '#test/support/evidence-files.ts'
import { openVendorSession } from '#test/support/route-world.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// Evidence through the real server: names, sizes, removal after submission and the quota under
// concurrent uploads.

const QUESTION = 'destruction.certificateSample'
const SECTION = '/v/section/destruction'
const MIB = 1024 * 1024

let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisation>>
let engagementId: string
beforeAll(async () => {
  server = await startTestServer()
  org = await createOrganisation('Evidence Buyer')
  engagementId = await createEngagement(org.organisationId)
})
afterAll(async () => {
  await server.close()
})

async function answeringVendor() {
  const { invitationId } = await createVendor(org.organisationId, engagementId, {
    company: `Vendor ${newId()}`,
    answers: { 'destruction.certificateProvided': true },
    submit: false,
  })
  return { invitationId, vendor: await openVendorSession(server.baseUrl, invitationId) }
}

function upload(vendor: BrowserClient, bytes: Uint8Array, fileName: string) {
  const form = new FormData()
  form.set('questionId', QUESTION)
  form.set('file', new Blob([Buffer.from(bytes)]), fileName)
  return vendor.postMultipart(SECTION, form)
}

/** A valid PDF of exactly `size` bytes (padded with spaces after its end). */
function pdfOfSize(size: number) {
  const pdf = pdfBytes()
  return concat(pdf, new Uint8Array(size - pdf.byteLength).fill(0x20))
}

function evidenceOf(invitationId: string) {
  return getDb()
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .selectAll('evidence')
    .where('response.invitation_id', '=', invitationId)
    .where('evidence.deleted_at', 'is', null)
    .execute()
}

describe('evidence uploads', () => {
  test('a file name in UTF-8 is kept as written, and served back so', async () => {
    const { vendor, invitationId } = await answeringVendor()
    const name = 'Überprüfung 証明書 – ISO 27001.pdf'
    expect((await upload(vendor, pdfBytes(), name)).status).toBe(302)
    const [row] = await evidenceOf(invitationId)
    expect(row?.file_name).toBe(name)
    const download = await vendor.get(`/v/evidence/${row?.id}`)
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`)
  })

  test('a PDF named setup.exe is stored and served as setup.pdf, under the PDF type', async () => {
    const { vendor, invitationId } = await answeringVendor()
    expect((await upload(vendor, pdfBytes(), 'setup.exe')).status).toBe(302)
    const [row] = await evidenceOf(invitationId)
    expect(row?.file_name).toBe('setup.pdf')
    expect(row?.storage_key).toMatch(/\.pdf$/)
    const download = await vendor.get(`/v/evidence/${row?.id}`)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="setup\.pdf"/)
  })

  test('exactly 10 MB (10 × 1024 × 1024 bytes) is accepted; one byte more is a 413', async () => {
    const { vendor, invitationId } = await answeringVendor()
    expect((await upload(vendor, pdfOfSize(10 * MIB), 'ten.pdf')).status).toBe(302)
    const over = await upload(vendor, pdfOfSize(10 * MIB + 1), 'over.pdf')
    expect(over.status).toBe(413)
    expect((await evidenceOf(invitationId)).map((row) => row.size_bytes)).toEqual([10 * MIB])
  })

  test('a vendor removes a file before submitting (audited); after submitting, removal is a 423 and the file stays', async () => {
    const { vendor, invitationId } = await answeringVendor()
    await upload(vendor, pdfBytes(), 'first.pdf')
    await upload(vendor, pdfBytes('second'), 'second.pdf')
    const [first, second] = await evidenceOf(invitationId)
    const removal = await vendor.post(SECTION, { intent: 'delete-evidence', evidenceId: first?.id ?? '' })
    expect(removal.status).toBe(302)
    const audit = await getDb()
      .selectFrom('audit_event')
      .select(['action', 'actor_invitation_id', 'detail_json'])
      .where('subject_id', '=', first?.id ?? '')
      .orderBy('created_at')
      .execute()
    expect(audit.map((event) => event.action)).toEqual(['evidence.added', 'evidence.deleted'])
    expect(audit[1]?.actor_invitation_id).toBe(invitationId)
    expect(JSON.parse(audit[1]?.detail_json ?? '{}')).toMatchObject({ fileName: 'first.pdf' })

    await submitResponse(getDb(), { invitationId })
    const locked = await vendor.post(SECTION, { intent: 'delete-evidence', evidenceId: second?.id ?? '' })
    expect(locked.status).toBe(423)
    expect(await locked.text()).toContain('submitted and are read-only')
    expect((await evidenceOf(invitationId)).map((row) => row.file_name)).toEqual(['second.pdf'])
    expect((await vendor.get(`/v/evidence/${second?.id}`)).status).toBe(200)
    // The buyer still reads it.
    const buyer = new BrowserClient(server.baseUrl)
    await logIn(buyer, org)
    expect((await buyer.get(`/app/evidence/${second?.id}`)).status).toBe(200)
    // Uploading after submission is refused the same way.
    expect((await upload(vendor, pdfBytes(), 'late.pdf')).status).toBe(423)
  })

  test('concurrent uploads cannot together pass the 200 MB quota', async () => {
    const { vendor, invitationId } = await answeringVendor()
    // 185 MB already held (rows only: the quota counts sizes), so three files of 4 MB fit, not six.
    await upload(vendor, pdfBytes(), 'seed.pdf')
    const [seed] = await evidenceOf(invitationId)
    await getDb()
      .insertInto('evidence')
      .values(
        Array.from({ length: 37 }, () => ({
          id: newId(),
          response_id: seed?.response_id ?? '',
          question_id: QUESTION,
          file_name: 'held.pdf',
          content_type: 'application/pdf',
          size_bytes: 5 * MIB,
          sha256: '0'.repeat(64),
          storage_key: `${crypto.randomUUID()}.pdf`,
          certificate_type: null,
          issued_on: null,
          expires_on: null,
          created_at: nowIso(),
          deleted_at: null,
        })),
      )
      .execute()
    const file = pdfOfSize(4 * MIB)
    const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(vendor, file, `race-${i}.pdf`)))
    const codes = statuses.map((response) => response.status).sort()
    expect(codes).toEqual([302, 302, 302, 400, 400, 400])
    const total = (await evidenceOf(invitationId)).reduce((sum, row) => sum + row.size_bytes, 0)
    expect(total).toBeLessThanOrEqual(200 * 1024 * 1024)
    expect(total).toBe((seed?.size_bytes ?? 0) + 37 * 5 * MIB + 3 * 4 * MIB)
  })
})
