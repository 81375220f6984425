import net from 'node:net'
import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { saveAnswer } from '#app/responses/answers.server.ts'
import type { BrowserClient } from '#test/support/browser-client.ts'
import { pdfBytes } from '#test/support/evidence-files.ts'
import { inviteThroughApp } from '#test/support/invite-through-app.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'

// Uploads that never arrive whole: each must get a 4xx (or just a closed connection) and leave the
// server serving, with nothing stored. Before the fix, the first of these ended the process.
const env = setUpServerWithSmtp()

const SECTION = '/v/section/destruction'
const QUESTION = 'destruction.certificateSample'
const BOUNDARY = '----shoreline-test-boundary'

async function vendorWithFileQuestion(contactEmail: string) {
  const { vendor, invitationId } = await inviteThroughApp(env, { vendorCompany: 'Vendor', contactEmail })
  await saveAnswer(getDb(), {
    invitationId,
    questionId: 'destruction.certificateProvided',
    value: true,
    baseVersion: 0,
  })
  return { vendor, invitationId }
}

/** A multipart body with the question id and one PDF part, cut after `keep` bytes when given. */
function multipartBody(keep?: number): Buffer {
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="questionId"\r\n\r\n${QUESTION}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cert.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    Buffer.from(pdfBytes()),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
  return keep === undefined ? body : body.subarray(0, keep)
}

function post(vendor: BrowserClient, body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) {
  return fetch(`${env.server.baseUrl}${SECTION}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: vendor.cookieHeader(), origin: env.server.baseUrl, 'content-type': contentType },
    body: new Uint8Array(body),
  })
}

async function storedEvidence(invitationId: string) {
  const rows = await getDb()
    .selectFrom('evidence')
    .innerJoin('response', 'response.id', 'evidence.response_id')
    .select('evidence.id')
    .where('response.invitation_id', '=', invitationId)
    .execute()
  return rows.length
}

async function healthy() {
  expect((await fetch(`${env.server.baseUrl}/healthz`)).status).toBe(200)
}

describe('uploads that do not arrive whole', () => {
  test('a body cut off inside the file part gets a 400 with a message; the server keeps serving', async () => {
    const { vendor, invitationId } = await vendorWithFileQuestion('cut@vendor.example')
    const whole = multipartBody()
    const response = await post(vendor, multipartBody(whole.length - 200))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('did not arrive whole')
    expect(await storedEvidence(invitationId)).toBe(0)
    await healthy()
    // The same upload, whole, still works afterwards.
    expect((await post(vendor, whole)).status).toBe(302)
    expect(await storedEvidence(invitationId)).toBe(1)
  })

  test('a multipart post without a boundary gets a 400', async () => {
    const { vendor, invitationId } = await vendorWithFileQuestion('noboundary@vendor.example')
    const response = await post(vendor, multipartBody(), 'multipart/form-data')
    expect(response.status).toBe(400)
    expect(await storedEvidence(invitationId)).toBe(0)
    await healthy()
  })

  test('a client that goes away mid-upload leaves the server serving and nothing stored', async () => {
    const { vendor, invitationId } = await vendorWithFileQuestion('gone@vendor.example')
    const { port } = new URL(env.server.baseUrl)
    const body = multipartBody()
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.on('error', () => {})
    socket.resume() // read (and drop) whatever the server answers, so its close is seen
    socket.write(
      `POST ${SECTION} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${env.server.baseUrl}\r\n` +
        `Cookie: ${vendor.cookieHeader()}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
        `Content-Length: ${body.length + 100_000}\r\n\r\n`,
    )
    socket.write(body.subarray(0, 400))
    // Half-close: the server sees the body end early and closes its side once it has dealt with it.
    socket.end()
    await closed
    await healthy()
    await healthy()
    expect(await storedEvidence(invitationId)).toBe(0)
  })
})
