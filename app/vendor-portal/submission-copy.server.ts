import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { listEvidence } from '../evidence/evidence.server.ts'
import { messagesFor } from '../i18n/messages.ts'
import { enqueueJob } from '../jobs/job-runner.server.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { renderPdfOffThread } from '../reports/pdf/pdf-pool.server.ts'
import { stripBidiControlsDeep } from '../utils/bidi.ts'
import { nowIso } from '../utils/ids.ts'
import { answersBySection } from './answers-summary.ts'
import { loadVendorContextOfInvitation } from './vendor-context.server.ts'

/** The durable job that emails a vendor the copy of its submitted answers. */
export const SUBMISSION_COPY_JOB = 'vendor-submission-copy'
export type SubmissionCopyPayload = { invitationId: string }

/**
 * Queues the vendor's confirmation (once per submission: a second submit while one waits adds
 * nothing). A job, so a slow PDF or a restart never delays or loses the vendor's "Submit".
 */
export function queueSubmissionCopy(db: Kysely<Database>, { invitationId }: SubmissionCopyPayload) {
  return enqueueJob<SubmissionCopyPayload>(db, {
    name: SUBMISSION_COPY_JOB,
    payload: { invitationId },
    singletonKey: invitationId,
  })
}

/**
 * Emails the vendor's contact a confirmation in the vendor's language, with a PDF of every
 * answer it submitted, section by section, as the review page showed them (rendered off the
 * request thread by the PDF pool). Run by the job above; a failed render throws and is retried.
 */
export async function sendSubmissionCopy(db: Kysely<Database>, { invitationId }: SubmissionCopyPayload) {
  const context = await loadVendorContextOfInvitation(invitationId)
  const { invitation } = context
  const locale = invitation.language
  const t = messagesFor(locale)
  const files = await listEvidence(db, { invitationId })
  const submitted = nowIso().slice(0, 10)
  const pdf = await renderPdfOffThread(
    stripBidiControlsDeep({
      kind: 'vendor-answers' as const,
      model: {
        lang: locale,
        title: t.answersPdf.title,
        intro: t.answersPdf.intro({
          vendor: invitation.vendorCompany,
          buyer: invitation.buyerName,
          engagement: invitation.engagementName,
          submitted,
        }),
        vendor: invitation.vendorCompany,
        engagement: invitation.engagementName,
        sections: answersBySection(context.questionnaire, { ...context, files, locale, t }),
        notAnswered: t.review.notAnswered,
        footer: `${invitation.vendorCompany} · ${invitation.engagementName} · ${submitted}`,
        pageTemplate: t.answersPdf.page(1111, 2222),
      },
    }),
  )
  const fileName = `answers-${submitted}.pdf`
  const email = t.email.submitted({
    contactName: invitation.contactName,
    buyer: invitation.buyerName,
    engagement: invitation.engagementName,
    fileName,
  })
  await sendEmail(db, {
    organisationId: invitation.organisationId,
    kind: 'vendor-submission-copy',
    to: invitation.contactEmail,
    invitationId,
    subject: email.subject,
    text: email.text,
    attachments: [{ filename: fileName, content: pdf, contentType: 'application/pdf' }],
  })
}
