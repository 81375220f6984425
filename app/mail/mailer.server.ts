import type { Kysely } from 'kysely'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Database } from '#db/schema.ts'
import { getEnv } from '../env.server.ts'
import { stripBidiControls } from '../utils/bidi.ts'
import { newId, nowIso } from '../utils/ids.ts'

export type OutgoingEmail = {
  organisationId: string | null
  kind: string
  to: string
  subject: string
  text: string
  invitationId?: string
  /**
   * Secrets in the text (link tokens). With SMTP configured the stored copy has them replaced, so
   * the database never holds a live link; the development outbox keeps them (that is its purpose).
   */
  secrets?: string[]
  /** Files sent with the message (the stored copy keeps only their names, in the text's log line). */
  attachments?: Array<{ filename: string; content: Uint8Array; contentType: string }>
}

export type SendResult = { id: string; status: 'sent' | 'outbox' | 'failed'; error?: string }

const FROM = 'Shoreline <no-reply@shoreline.local>'
let transport: { url: string; transporter: Transporter } | undefined

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport = {
      url,
      transporter: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    }
  }
  return transport.transporter
}

/**
 * Sends an email and records it in outbound_email. Without SMTP_URL the message stays in the
 * development outbox (status "outbox") and is printed on the console, so links can be followed
 * locally. A failed send is recorded with its error, never thrown: the caller shows it and the
 * message can be retried.
 */
export async function sendEmail(db: Kysely<Database>, outgoing: OutgoingEmail): Promise<SendResult> {
  // Names in subjects and bodies (vendor, contact, organisation) cannot reorder the text (app/utils/bidi.ts).
  const email = { ...outgoing, subject: stripBidiControls(outgoing.subject), text: stripBidiControls(outgoing.text) }
  const id = newId()
  const smtpUrl = getEnv().smtpUrl
  await db
    .insertInto('outbound_email')
    .values({
      id,
      organisation_id: email.organisationId,
      kind: email.kind,
      to_address: email.to,
      subject: email.subject,
      text_body: smtpUrl ? redact(email.text, email.secrets) : email.text,
      html_body: null,
      status: smtpUrl ? 'queued' : 'outbox',
      attempts: 0,
      last_error: null,
      invitation_id: email.invitationId ?? null,
      created_at: nowIso(),
      sent_at: null,
    })
    .execute()

  if (!smtpUrl) {
    const files = email.attachments?.length
      ? `\n[outbox] Attached: ${email.attachments.map((a) => a.filename).join(', ')}`
      : ''
    console.log(`\n[outbox] To: ${email.to}\n[outbox] Subject: ${email.subject}${files}\n${email.text}\n`)
    return { id, status: 'outbox' }
  }
  return deliver(db, id, email, smtpUrl)
}

function redact(text: string, secrets: string[] = []): string {
  return secrets.reduce((result, secret) => result.split(secret).join('[link hidden]'), text)
}

async function deliver(db: Kysely<Database>, id: string, email: OutgoingEmail, smtpUrl: string): Promise<SendResult> {
  try {
    await transporterFor(smtpUrl).sendMail({
      from: FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments?.map((a) => ({
        filename: a.filename,
        content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
        contentType: a.contentType,
      })),
    })
    await db
      .updateTable('outbound_email')
      .set((eb) => ({ status: 'sent', sent_at: nowIso(), attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', '=', id)
      .execute()
    return { id, status: 'sent' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await db
      .updateTable('outbound_email')
      .set((eb) => ({ status: 'failed', attempts: eb('attempts', '+', 1), last_error: message }))
      .where('id', '=', id)
      .execute()
    console.warn(`[mail] sending "${email.subject}" to ${email.to} failed: ${message}`)
    return { id, status: 'failed', error: message }
  }
}
