import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { isAnswered } from '../conditions/answered.ts'
import { factsOf } from '../conditions/condition.ts'
import { addEvidence, deleteEvidence, EvidenceRejectedError, listEvidence } from '../evidence/evidence.server.ts'
import { MAX_EVIDENCE_FILE_BYTES } from '../evidence/evidence-policy.ts'
import { MalformedUploadError, readUpload, type Upload } from '../evidence/multipart.server.ts'
import { type Locale, localized } from '../i18n/locale.ts'
import type { Messages } from '../i18n/messages.ts'
import { answerSchema, issueSuffix } from '../questionnaire/answer-schema.ts'
import type { Question, Section } from '../questionnaire/definition.ts'
import { readProfileFact, visibleQuestionIds } from '../questionnaire/visibility.ts'
import { ResponseSubmittedError, saveAnswer } from '../responses/answers.server.ts'
import { setPath } from '../utils/safe-path.ts'
import { readSectionValues } from './form-values.ts'
import type { SectionPage } from './section-form.tsx'
import { loadVendorContext, type VendorContext } from './vendor-context.server.ts'

/**
 * One questionnaire section of the vendor's invitation: what its page shows, and the three things
 * its page posts (answers as a plain form, an evidence upload, an evidence removal). The route
 * maps the outcomes to HTTP; the rules live here.
 */

export type VendorSection = {
  context: VendorContext
  section: Section
  /** The section's questions the vendor sees now. */
  questions: Question[]
  position: number
  count: number
  next: string | null
}

/**
 * The section for the vendor's session: a `problem` when the session is not valid, and a 404
 * Response (thrown) for a section that does not exist or shows the vendor no question.
 */
export async function loadVendorSection(
  request: Request,
  sectionId: string | undefined,
): Promise<{ problem: NonNullable<Awaited<ReturnType<typeof loadVendorContext>>['problem']> } | VendorSection> {
  const context = await loadVendorContext(request)
  if (context.problem) return { problem: context.problem }
  const section = context.questionnaire.sections.find((s) => s.id === sectionId)
  const questions = section?.questions.filter((q) => context.visible.has(q.id)) ?? []
  if (!section || questions.length === 0) throw new Response('Not found', { status: 404 })
  const visibleSections = context.questionnaire.sections.filter((s) =>
    s.questions.some((q) => context.visible.has(q.id)),
  )
  const position = visibleSections.findIndex((s) => s.id === section.id)
  return {
    context,
    section,
    questions,
    position,
    count: visibleSections.length,
    next: visibleSections[position + 1]?.id ?? null,
  }
}

/** What the browser needs to show and hide this section's questions with the server's own code. */
function visibilityInputs(section: Section, context: VendorContext) {
  const facts = new Set<string>()
  const conditions = [section.visibleWhen, ...section.questions.map((q) => q.visibleWhen)]
  for (const condition of conditions) if (condition) for (const fact of factsOf(condition, [])) facts.add(fact)
  const answers: Record<string, unknown> = {}
  const profile: Record<string, unknown> = {}
  for (const fact of facts) {
    if (fact === 'regimes') continue
    if (fact.startsWith('profile.')) {
      // Only the profile facts this section's conditions read, never the buyer's whole profile.
      setPath(profile, fact.slice('profile.'.length), readProfileFact(context.profile, fact))
    } else if (context.answers[fact] !== undefined) answers[fact] = context.answers[fact]
  }
  return { answers, profile, regimes: [...context.regimes] }
}

/**
 * The file question whose uploads a certificate row of this section may attach (the section's
 * first file question), when the section has a certificate list the vendor sees.
 */
export function rowEvidenceQuestion(section: Section, visible: ReadonlySet<string>): Question | undefined {
  if (!section.questions.some((q) => q.type === 'certification-list' && visible.has(q.id))) return undefined
  return section.questions.find((q) => q.type === 'file')
}

/**
 * The section page's data: every question of the section (scoring stripped), answers, versions,
 * evidence. `newIds`: follow-up questions the vendor's last plain-form save revealed (from the
 * address), which the page points at.
 */
export async function sectionPage(
  db: Kysely<Database>,
  { context, section, position, count, next }: VendorSection,
  { locale, newIds = [] }: { locale: Locale; newIds?: readonly string[] },
): Promise<SectionPage> {
  // Scoring stays on the server: the vendor sees questions, not how they are weighed.
  const questions = section.questions.map(({ scoring: _scoring, ...question }) => question as Question)
  return {
    sectionId: section.id,
    title: localized(section.title, locale),
    description: localized(section.description, locale) ?? null,
    questions,
    visibleWhen: section.visibleWhen ?? null,
    visibleIds: questions.filter((q) => context.visible.has(q.id)).map((q) => q.id),
    answers: Object.fromEntries(questions.map((q) => [q.id, context.answers[q.id]])),
    versions: Object.fromEntries(questions.map((q) => [q.id, context.versions[q.id] ?? 0])),
    visibility: visibilityInputs(section, context),
    readOnly: context.invitation.status === 'submitted',
    position,
    count,
    next,
    locale,
    newIds: newIds.filter((id) => context.visible.has(id) && section.questions.some((q) => q.id === id)),
    rowEvidenceQuestionId: rowEvidenceQuestion(section, context.visible)?.id ?? null,
    evidence: await listEvidence(db, { invitationId: context.invitation.id }),
  }
}

type RefusalStatus = 400 | 404 | 409 | 413 | 423
type UploadOutcome =
  | { stored: true; questionId: string; evidenceId: string; fileName: string; row: number | null }
  | { stored: false; status: RefusalStatus; message: string; questionId: string; row: number | null }

const MAX_CERTIFICATE_ROWS = 100

/**
 * An evidence upload posted on the section page (multipart): read as one stream pipeline
 * (`readUpload`), for a file question of this section, checked by content (`addEvidence`). Every
 * refusal is a 4xx with the reason in the vendor's language; nothing half-read is stored.
 */
export async function uploadSectionEvidence(
  db: Kysely<Database>,
  request: Request,
  { section, t }: { section: VendorSection; t: Messages },
): Promise<UploadOutcome> {
  let upload: Upload
  try {
    upload = await readUpload(request, { maxBytes: MAX_EVIDENCE_FILE_BYTES })
  } catch (error) {
    if (error instanceof MalformedUploadError)
      return { stored: false, status: 400, message: t.section.uploadUnreadable, questionId: '', row: null }
    throw error
  }
  const questionId = upload.fields.questionId ?? ''
  // A certificate row's own upload names its row; it goes to the section's certificate evidence.
  const rowField = upload.fields.row
  const row = rowField !== undefined && /^\d{1,2}$/.test(rowField) ? Number(rowField) : null
  const refuse = (message: string, status: RefusalStatus = 400): UploadOutcome => ({
    stored: false,
    status,
    message,
    questionId,
    row,
  })
  const fileQuestionIds = section.questions.filter((q) => q.type === 'file').map((q) => q.id)
  const rowQuestion = rowEvidenceQuestion(section.section, section.context.visible)
  const allowed =
    rowField === undefined
      ? fileQuestionIds.includes(questionId)
      : row !== null && row < MAX_CERTIFICATE_ROWS && rowQuestion?.id === questionId
  if (!allowed) return refuse(t.section.uploadQuestionMismatch)
  if (!upload.file || upload.file.name === '') return refuse(t.section.chooseFileFirst)
  if (upload.file.tooLarge) return refuse(t.section.fileTooLarge(upload.file.name), 413)
  let stored: Awaited<ReturnType<typeof addEvidence>>
  try {
    stored = await addEvidence(db, {
      invitationId: section.context.invitation.id,
      questionId,
      bytes: upload.file.bytes,
      fileName: upload.file.name,
    })
  } catch (error) {
    if (error instanceof EvidenceRejectedError) return refuse(error.message, error.status)
    throw error
  }
  return { stored: true, questionId, evidenceId: stored.id, fileName: stored.fileName, row }
}

/**
 * A plain form's certificate-row upload (no JavaScript): the stored file becomes the evidence of
 * that row when the row is saved already. (With JavaScript the browser sets the row's file and
 * saves it like any change, so the row's version stays the browser's.)
 */
export async function attachEvidenceToCertificateRow(
  db: Kysely<Database>,
  { section, row, evidenceId }: { section: VendorSection; row: number; evidenceId: string },
): Promise<void> {
  const { context } = section
  const list = section.questions.find((q) => q.type === 'certification-list')
  const stored = list ? context.answers[list.id] : undefined
  if (!list || !Array.isArray(stored) || !stored[row]) return
  const value = stored.map((cert, i) => (i === row ? { ...(cert as object), evidenceId } : cert))
  try {
    await saveAnswer(db, {
      invitationId: context.invitation.id,
      questionId: list.id,
      value,
      baseVersion: context.versions[list.id] ?? 0,
    })
  } catch (error) {
    // Submitted meanwhile: the file is kept, the row unchanged (the upload itself was refused then).
    if (!(error instanceof ResponseSubmittedError)) throw error
  }
}

/**
 * Removes one of the vendor's own evidence files (scoped to its invitation). After submitting the
 * evidence is read-only like the answers: the refusal (423) comes back with its message.
 */
export async function removeSectionEvidence(
  db: Kysely<Database>,
  { section, evidenceId }: { section: VendorSection; evidenceId: string },
): Promise<{ removed: true } | { removed: false; status: RefusalStatus; message: string }> {
  try {
    await deleteEvidence(db, { invitationId: section.context.invitation.id, evidenceId })
    return { removed: true }
  } catch (error) {
    if (error instanceof EvidenceRejectedError) return { removed: false, status: error.status, message: error.message }
    throw error
  }
}

type SaveSectionOutcome =
  | { kind: 'invalid'; errors: Record<string, string>; values: Record<string, unknown> }
  | { kind: 'read-only'; message: string; values: Record<string, unknown> }
  | { kind: 'conflict'; conflicts: Question[]; values: Record<string, unknown> }
  | { kind: 'saved'; next: string }

/**
 * The section posted as a plain form (no JavaScript): every field validated with the same
 * generated schemas as the browser's, in the vendor's language; nothing is saved while any field is
 * wrong. Changed answers are saved with their versions (a colleague's newer answer is a conflict,
 * never overwritten); a field posted empty clears its answer. Then the next page: this section
 * again when an answer revealed a follow-up question in it, else the next section or the review.
 */
export async function saveSectionForm(
  db: Kysely<Database>,
  { section: loaded, formData, t }: { section: VendorSection; formData: FormData; t: Messages },
): Promise<SaveSectionOutcome> {
  const { context, section, questions, next } = loaded
  const raw = readSectionValues(questions, formData)
  const errors: Record<string, string> = {}
  const answers: Record<string, unknown> = {}
  for (const question of questions) {
    if (!(question.id in raw)) continue
    const parsed = answerSchema(question, t.answer).safeParse(raw[question.id])
    if (parsed.success) answers[question.id] = parsed.data
    else {
      const issue = parsed.error.issues[0]
      errors[question.id] =
        `${issue?.path.length ? `${issueSuffix(issue.path).replace(/^\./, '')}: ` : ''}${issue?.message ?? ''}`
    }
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, values: raw }

  // A field posted empty clears a stored answer (a radio group cannot be emptied, so it never does).
  const cleared = questions.filter(
    (q) =>
      !(q.id in raw) &&
      context.answers[q.id] !== undefined &&
      (formData.has(q.id) || formData.has(`${q.id}.__present`)) &&
      q.type !== 'file',
  )
  const conflicts: Question[] = []
  try {
    for (const question of questions) {
      const clearing = cleared.includes(question)
      if (!clearing && !(question.id in answers)) continue
      const value = clearing ? undefined : answers[question.id]
      if (JSON.stringify(value) === JSON.stringify(context.answers[question.id])) continue
      const result = await saveAnswer(db, {
        invitationId: context.invitation.id,
        questionId: question.id,
        value,
        baseVersion: Number(formData.get(`__v.${question.id}`) ?? 0),
      })
      if (result.status === 'conflict') conflicts.push(question)
    }
  } catch (error) {
    if (error instanceof ResponseSubmittedError) return { kind: 'read-only', message: error.message, values: raw }
    throw error
  }
  if (conflicts.length > 0) return { kind: 'conflict', conflicts, values: raw }

  // An answer may reveal a follow-up question in this section: stay so the vendor sees it.
  const after = visibleQuestionIds(context.questionnaire, {
    answers: { ...context.answers, ...answers },
    regimes: context.regimes,
    profile: context.profile,
  })
  // The page then points at them (`?new=`) and opens on the first.
  const revealed = section.questions.filter(
    (q) =>
      after.has(q.id) &&
      !context.visible.has(q.id) &&
      (q.type === 'file' || !isAnswered({ ...context.answers, ...answers }[q.id])),
  )
  if (revealed.length > 0) {
    const ids = revealed.map((q) => q.id)
    return { kind: 'saved', next: `/v/section/${section.id}?new=${ids.map(encodeURIComponent).join(',')}#q-${ids[0]}` }
  }
  return { kind: 'saved', next: next ? `/v/section/${next}` : '/v/review' }
}
