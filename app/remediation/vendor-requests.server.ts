import type { Kysely } from 'kysely'
import type { Database, RemediationItemState } from '#db/schema.ts'
import type { Assessment } from '../assessment/engine.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { addEvidence, EvidenceRejectedError, listEvidence } from '../evidence/evidence.server.ts'
import { MAX_EVIDENCE_FILE_BYTES } from '../evidence/evidence-policy.ts'
import { MalformedUploadError, readUpload, type Upload } from '../evidence/multipart.server.ts'
import { findingText } from '../i18n/finding-text.ts'
import { type Locale, localized } from '../i18n/locale.ts'
import type { Messages } from '../i18n/messages.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { answerSchema, issueSuffix } from '../questionnaire/answer-schema.ts'
import type { Question } from '../questionnaire/definition.ts'
import { assessResponse } from '../responses/assessments.server.ts'
import {
  deleteAnswer,
  findAnswer,
  findResponse,
  insertFirstAnswer,
  touchResponse,
  updateAnswerAtVersion,
} from '../responses/queries.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { readSectionValues, sectionDefaults } from '../vendor-portal/form-values.ts'
import type { VendorContext } from '../vendor-portal/vendor-context.server.ts'
import {
  countOpenItemsForVendor,
  findRequestCreator,
  findRequestForVendor,
  listItems,
  listRequestsForVendor,
  updateItem,
  updateRequest,
} from './queries.server.ts'
import { answerableQuestions, questionsForRequest } from './questions.ts'
import { type ItemReply, type ItemReplyProblem, parseItemReply, stateAfterVendorReply } from './remediation.ts'
import { itemViews, type RequestItemView } from './requests.server.ts'

/**
 * The vendor's side of remediation requests, scoped to the one invitation of the vendor's session:
 * the list, one request's page, and what that page posts (changed answers and a reply per item,
 * sent together and re-assessed; an evidence file for an item). Another invitation's request is
 * not found. The route maps outcomes to HTTP.
 */

const questionnaireOf = (context: VendorContext) => ({
  questionnaireId: context.invitation.questionnaireId,
  questionnaireVersion: context.invitation.questionnaireVersion,
})

/** The vendor's requests, open first, each with how many of its items wait for the vendor. */
export async function vendorRequestList(db: Kysely<Database>, context: VendorContext) {
  const requests = await listRequestsForVendor(db, { invitationId: context.invitation.id })
  const items = itemViews(await listItems(db, { requestIds: requests.map((r) => r.id) }))
  return requests.map((r) => {
    const list = items.get(r.id) ?? []
    return {
      id: r.id,
      dueOn: r.dueOn,
      status: r.status,
      createdAt: r.createdAt,
      itemCount: list.length,
      waiting: list.filter((i) => i.state === 'open' || i.state === 'overdue').length,
    }
  })
}

async function loadRequest(db: Kysely<Database>, context: VendorContext, requestId: string) {
  const request = await findRequestForVendor(db, { invitationId: context.invitation.id, requestId })
  if (!request) return undefined
  const items = itemViews(await listItems(db, { requestIds: [request.id] })).get(request.id) ?? []
  return { request, items }
}

export type VendorRequestItem = RequestItemView & {
  /** The language the finding's message and remediation are shown in (English when untranslated). */
  findingLocale: Locale
  questions: Question[]
  /** The file question an upload for this item is attached to, if the item asks for a file. */
  uploadQuestionId: string | null
}

export type VendorRequestPage = {
  id: string
  message: string
  dueOn: string
  status: 'open' | 'closed'
  buyerName: string
  items: VendorRequestItem[]
  /** react-hook-form's defaults for every question the request asks (from the stored answers). */
  defaults: Record<string, unknown>
  locale: Locale
  evidence: { id: string; fileName: string; questionId: string }[]
}

/**
 * One request's page: every item with its finding in the vendor's language, the questions behind
 * it, scoring stripped, answers filled in.
 */
export async function vendorRequestPage(
  db: Kysely<Database>,
  { context, requestId, locale }: { context: VendorContext; requestId: string; locale: Locale },
): Promise<VendorRequestPage | undefined> {
  const loaded = await loadRequest(db, context, requestId)
  if (!loaded) return undefined
  const { request, items } = loaded
  const questionnaire = questionnaireOf(context)
  const withQuestions = items.map((item) => {
    const questions = questionsForRequest(questionnaire, item.questionIds).map(
      ({ scoring: _scoring, ...question }) => question as Question,
    )
    // The finding in the page's language (findingText); the item keeps the English as stored.
    const text = findingText(item.ruleId, locale, item.finding)
    return {
      ...item,
      finding: { ...item.finding, ...text },
      findingLocale: text.message === item.finding.message ? ('en' as const) : locale,
      questions: answerableQuestions(questions),
      uploadQuestionId: questions.find((q) => q.type === 'file')?.id ?? null,
    }
  })
  const asked = withQuestions.flatMap((i) => i.questions)
  const evidence = await listEvidence(db, { invitationId: context.invitation.id })
  return {
    id: request.id,
    message: request.message,
    dueOn: request.dueOn,
    status: request.status,
    buyerName: context.invitation.buyerName,
    items: withQuestions,
    defaults: sectionDefaults(asked, context.answers),
    locale,
    evidence: evidence.map((e) => ({ id: e.id, fileName: e.fileName, questionId: e.questionId })),
  }
}

export type SendChangesOutcome =
  | { kind: 'not-found' }
  | { kind: 'closed' }
  | { kind: 'not-asked'; fields: string[] }
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'sent'; states: Record<string, RemediationItemState> }

const problemText = (t: Messages, problem: ItemReplyProblem) => t.requests.problems[problem]

/**
 * The vendor sends its changes: the answers of the questions the request asks (and no other: a
 * field of any other question is refused whole, 400, nothing changed) and a reply per item (a
 * dispute needs a reason, "will fix" a date not in the past). Answers, replies, the re-assessment
 * (the one assess-and-store path), each item's new state and the audit event are one
 * transaction. Then the manager who sent the request is told.
 */
export async function sendVendorChanges(
  db: Kysely<Database>,
  {
    context,
    requestId,
    formData,
    t,
    today = nowIso().slice(0, 10),
  }: { context: VendorContext; requestId: string; formData: FormData; t: Messages; today?: string },
): Promise<SendChangesOutcome> {
  const loaded = await loadRequest(db, context, requestId)
  if (!loaded) return { kind: 'not-found' }
  const { request, items } = loaded
  if (request.status === 'closed') return { kind: 'closed' }
  const questionnaire = questionnaireOf(context)
  const questionsByItem = new Map(
    items.map((item) => [item.id, answerableQuestions(questionsForRequest(questionnaire, item.questionIds))]),
  )
  const asked = [...new Map([...questionsByItem.values()].flat().map((q) => [q.id, q])).values()]

  // Every posted field belongs to a question this request asks, or is an item's reply.
  const belongs = (key: string) =>
    key === 'intent' || key.startsWith('reply.') || asked.some((q) => key === q.id || key.startsWith(`${q.id}.`))
  const foreign = [...new Set(formData.keys())].filter((key) => !belongs(key))
  if (foreign.length > 0) return { kind: 'not-asked', fields: foreign }

  const errors: Record<string, string> = {}
  const raw = readSectionValues(asked, formData)
  const answers: Record<string, unknown> = {}
  for (const question of asked) {
    if (!(question.id in raw)) continue
    const parsed = answerSchema(question, t.answer).safeParse(raw[question.id])
    if (parsed.success) answers[question.id] = parsed.data
    else {
      const issue = parsed.error.issues[0]
      errors[question.id] =
        `${issue?.path.length ? `${issueSuffix(issue.path).replace(/^\./, '')}: ` : ''}${issue?.message ?? ''}`
    }
  }
  const replies = new Map<string, ItemReply>()
  for (const item of items) {
    const field = (name: string) => String(formData.get(`reply.${item.id}.${name}`) ?? '')
    const parsed = parseItemReply({ kind: field('kind'), fixBy: field('fixBy'), reason: field('reason') }, today)
    if (parsed.ok) replies.set(item.id, parsed.reply)
    else errors[`reply.${item.id}`] = problemText(t, parsed.problem)
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors }

  // A field posted empty clears its answer (as on the section pages).
  const changes = new Map<string, unknown>()
  for (const question of asked) {
    const posted = formData.has(question.id) || formData.has(`${question.id}.__present`)
    const value = question.id in answers ? answers[question.id] : posted ? undefined : context.answers[question.id]
    if (JSON.stringify(value) !== JSON.stringify(context.answers[question.id])) changes.set(question.id, value)
  }

  const now = nowIso()
  const outcome = await db.transaction().execute(async (trx) => {
    const response = await findResponse(trx, { invitationId: context.invitation.id })
    if (!response) throw new Error(`invitation ${context.invitation.id} has a request but no response`)
    for (const [questionId, value] of changes) {
      const current = await findAnswer(trx, { responseId: response.id, questionId })
      if (value === undefined) {
        if (current) await deleteAnswer(trx, { responseId: response.id, questionId })
        continue
      }
      const row = { responseId: response.id, questionId, valueJson: JSON.stringify(value), now }
      if (current) await updateAnswerAtVersion(trx, { ...row, baseVersion: current.version })
      else await insertFirstAnswer(trx, { id: newId(), ...row })
    }
    if (changes.size > 0) await touchResponse(trx, { responseId: response.id, now })
    const assessed = await assessResponse(trx, { responseId: response.id })
    const raised = new Set((assessed.assessment as Assessment).findings.map((f) => f.ruleId))

    const states: Record<string, RemediationItemState> = {}
    for (const item of items) {
      const reply = replies.get(item.id) ?? { kind: 'none' as const }
      const answersChanged = (questionsByItem.get(item.id) ?? []).some((q) => changes.has(q.id))
      const state = stateAfterVendorReply(item.state, { reply, answersChanged, stillRaised: raised.has(item.ruleId) })
      states[item.id] = state
      const replyKind = reply.kind === 'none' ? (answersChanged ? 'changed' : item.replyKind) : reply.kind
      await updateItem(trx, {
        id: item.id,
        values: {
          state,
          reply_kind: replyKind,
          reply_text: reply.kind === 'dispute' ? reply.reason : reply.kind === 'none' ? item.replyText : null,
          fix_by: reply.kind === 'will-fix' ? reply.fixBy : reply.kind === 'none' ? item.fixBy : null,
          replied_at: reply.kind !== 'none' || answersChanged ? now : item.repliedAt,
          resolved_at: state === 'resolved' ? (item.resolvedAt ?? now) : null,
          updated_at: now,
        },
      })
    }
    const allResolved = Object.values(states).every((s) => s === 'resolved')
    await updateRequest(trx, {
      id: request.id,
      values: { vendor_sent_at: now, updated_at: now, ...(allResolved ? { status: 'closed' as const } : {}) },
    })
    await recordAuditEvent(trx, {
      organisationId: request.organisationId,
      engagementId: request.engagementId,
      actor: { type: 'vendor', invitationId: context.invitation.id },
      action: 'remediation.vendor-replied',
      subjectType: 'remediation_request',
      subjectId: request.id,
      detail: {
        answersChanged: [...changes.keys()],
        items: items.map((item) => ({ ruleId: item.ruleId, state: states[item.id], reply: replies.get(item.id) })),
        assessmentId: assessed.id,
        verdict: assessed.assessment.verdict,
      },
    })
    return { states, verdict: assessed.assessment.verdict }
  })

  const creator = await findRequestCreator(db, { requestId: request.id })
  if (creator) {
    const lines = items.map((item) => `- ${item.finding.message} → ${outcome.states[item.id]}`)
    await sendEmail(db, {
      organisationId: request.organisationId,
      kind: 'remediation-replied',
      to: creator.email,
      subject: `${context.invitation.vendorCompany} replied to your requested changes`,
      text: `${context.invitation.vendorCompany} sent its changes for "${context.invitation.engagementName}". The answers were assessed again: the verdict is now ${outcome.verdict}.\n\n${lines.join('\n')}`,
    })
  }
  return { kind: 'sent', states: outcome.states }
}

type UploadOutcome = { stored: true } | { stored: false; status: 400 | 404 | 409 | 413 | 423; message: string }

/**
 * An evidence file for one item (multipart: itemId and the file), attached to the item's file
 * question; a submitted response takes it because the request asks for it. The item counts as
 * answered. Refusals are a 4xx with the reason in the vendor's language.
 */
export async function uploadItemEvidence(
  db: Kysely<Database>,
  httpRequest: Request,
  { context, requestId, t }: { context: VendorContext; requestId: string; t: Messages },
): Promise<UploadOutcome> {
  const refuse = (message: string, status: 400 | 404 | 409 | 413 | 423 = 400): UploadOutcome => ({
    stored: false,
    status,
    message,
  })
  let upload: Upload
  try {
    upload = await readUpload(httpRequest, { maxBytes: MAX_EVIDENCE_FILE_BYTES })
  } catch (error) {
    if (error instanceof MalformedUploadError) return refuse(t.section.uploadUnreadable)
    throw error
  }
  const loaded = await loadRequest(db, context, requestId)
  if (!loaded) return refuse('Not found', 404)
  if (loaded.request.status === 'closed') return refuse(t.requests.closedNotice, 409)
  const item = loaded.items.find((i) => i.id === upload.fields.itemId)
  const questionId = item
    ? questionsForRequest(questionnaireOf(context), item.questionIds).find((q) => q.type === 'file')?.id
    : undefined
  if (!item || !questionId) return refuse(t.requests.notAsked)
  if (!upload.file || upload.file.name === '') return refuse(t.section.chooseFileFirst)
  if (upload.file.tooLarge) return refuse(t.section.fileTooLarge(upload.file.name), 413)
  try {
    await addEvidence(db, {
      invitationId: context.invitation.id,
      questionId,
      bytes: upload.file.bytes,
      fileName: upload.file.name,
      whileSubmitted: true,
    })
  } catch (error) {
    if (error instanceof EvidenceRejectedError) return refuse(error.message, error.status)
    throw error
  }
  if (item.state === 'open' || item.state === 'overdue') {
    const now = nowIso()
    await updateItem(db, {
      id: item.id,
      values: { state: 'answered', reply_kind: 'changed', replied_at: now, updated_at: now },
    })
  }
  return { stored: true }
}

/** The question prompts of an item in the vendor's language (the list page's summary). */
export function promptsOf(questions: readonly Question[], locale: Locale): string[] {
  return questions.map((q) => localized(q.prompt, locale))
}

/** How many items of the vendor's open requests wait for it (the banner on the vendor's home page). */
export function countWaitingItems(db: Kysely<Database>, context: Pick<VendorContext, 'invitation'>) {
  return countOpenItemsForVendor(db, { invitationId: context.invitation.id })
}
