import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { listEvidence } from '../evidence/evidence.server.ts'
import type { Locale } from '../i18n/locale.ts'
import { messagesFor } from '../i18n/messages.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { findInvitingUserEmail } from '../responses/queries.server.ts'
import { submitResponse } from '../responses/submission.server.ts'
import { answersBySection } from './answers-summary.ts'
import { sectionProgress } from './progress.ts'
import { queueSubmissionCopy } from './submission-copy.server.ts'
import type { VendorContext } from './vendor-context.server.ts'

type MissingQuestion = { id: string; prompt: string; sectionId: string; sectionTitle: string }

/** Every answer the vendor would submit, section by section, in its words (the review page). */
export async function reviewAnswers(db: Kysely<Database>, context: VendorContext, locale: Locale) {
  const files = await listEvidence(db, { invitationId: context.invitation.id })
  return answersBySection(context.questionnaire, { ...context, files, locale, t: messagesFor(locale) })
}

/** The required questions the vendor sees and has not answered, section by section, in its language. */
export function missingBeforeSubmit(context: VendorContext, locale: Locale): MissingQuestion[] {
  return sectionProgress(context.questionnaire, { ...context, locale }).flatMap((section) =>
    section.missingRequired.map((q) => ({ ...q, sectionId: section.id, sectionTitle: section.title })),
  )
}

type SubmitOutcome = { status: 'submitted' } | { status: 'incomplete'; missing: number }

/**
 * The vendor's "Submit": refused while required questions are unanswered; otherwise the response
 * is submitted and assessed in one transaction (`submitResponse`, idempotent), and the buyer who
 * sent the invitation is emailed once, after the commit. A failed email is recorded in the send
 * log for the buyer to see (`sendEmail` never throws), never undoing the submission. The vendor's
 * own confirmation, with a PDF of its answers, is a durable job (submission-copy.server.ts).
 */
export async function submitVendorResponse(db: Kysely<Database>, context: VendorContext): Promise<SubmitOutcome> {
  const { invitation } = context
  if (invitation.status !== 'submitted') {
    const missing = missingBeforeSubmit(context, 'en').length
    if (missing > 0) return { status: 'incomplete', missing }
  }
  const { firstSubmission } = await submitResponse(db, { invitationId: invitation.id })
  if (!firstSubmission) return { status: 'submitted' }
  await queueSubmissionCopy(db, { invitationId: invitation.id })
  const buyerEmail = await findInvitingUserEmail(db, { invitationId: invitation.id })
  if (buyerEmail) {
    await sendEmail(db, {
      organisationId: invitation.organisationId,
      kind: 'response-submitted',
      to: buyerEmail,
      subject: `${invitation.vendorCompany} submitted its answers for ${invitation.engagementName}`,
      text: `${invitation.vendorCompany} submitted its questionnaire for "${invitation.engagementName}". Its assessment is ready on the engagement's vendor list in Shoreline.`,
    })
  }
  return { status: 'submitted' }
}
