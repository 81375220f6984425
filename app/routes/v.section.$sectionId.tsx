import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { factsOf } from '#app/conditions/condition.ts'
import { getDb } from '#app/db.server.ts'
import { addEvidence, deleteEvidence, EvidenceRejectedError, listEvidence } from '#app/evidence/evidence.server.ts'
import { MAX_EVIDENCE_FILE_BYTES } from '#app/evidence/evidence-policy.ts'
import { MalformedUploadError, readUpload, type Upload } from '#app/evidence/multipart.server.ts'
import { listCountries } from '#app/geography/countries.ts'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { localized } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { answerSchema, issueSuffix } from '#app/questionnaire/answer-schema.ts'
import type { Question } from '#app/questionnaire/definition.ts'
import { readProfileFact, visibleQuestionIds } from '#app/questionnaire/visibility.ts'
import { ResponseSubmittedError, saveAnswer } from '#app/responses/answers.server.ts'
import { setPath } from '#app/utils/safe-path.ts'
import { readSectionValues } from '#app/vendor-portal/form-values.ts'
import { type Posted, SectionForm, type SectionPage } from '#app/vendor-portal/section-form.tsx'
import { loadVendorContext } from '#app/vendor-portal/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'

export const meta: MetaFunction = () => [
  { title: 'Vendor questionnaire · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

async function load(request: Request, sectionId: string | undefined) {
  const context = await loadVendorContext(request)
  if (context.problem) return { context: null, problem: context.problem } as const
  const section = context.questionnaire.sections.find((s) => s.id === sectionId)
  const questions = section?.questions.filter((q) => context.visible.has(q.id)) ?? []
  if (!section || questions.length === 0) throw new Response('Not found', { status: 404 })
  const visibleSections = context.questionnaire.sections.filter((s) =>
    s.questions.some((q) => context.visible.has(q.id)),
  )
  const position = visibleSections.findIndex((s) => s.id === section.id)
  return {
    context,
    problem: null,
    section,
    questions,
    next: visibleSections[position + 1]?.id ?? null,
    position,
    count: visibleSections.length,
  } as const
}

/** What the browser needs to show and hide this section's questions with the server's own code. */
function visibilityInputs(
  section: { visibleWhen?: Parameters<typeof factsOf>[0]; questions: readonly Question[] },
  context: { answers: Record<string, unknown>; profile: unknown },
) {
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
  return { answers, profile }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await load(request, params.sectionId)
  if (loaded.problem) return data({ problem: loaded.problem, page: null }, { status: 401 })
  const { context, section, position, count, next } = loaded
  const locale = await requestLocale(request)
  // Scoring stays on the server: the vendor sees questions, not how they are weighed.
  const allQuestions = section.questions.map(({ scoring: _scoring, ...question }) => question as Question)
  return {
    problem: null,
    page: {
      sectionId: section.id,
      title: localized(section.title, locale),
      description: localized(section.description, locale) ?? null,
      questions: allQuestions,
      visibleWhen: section.visibleWhen ?? null,
      visibleIds: allQuestions.filter((q) => context.visible.has(q.id)).map((q) => q.id),
      answers: Object.fromEntries(allQuestions.map((q) => [q.id, context.answers[q.id]])),
      versions: Object.fromEntries(allQuestions.map((q) => [q.id, context.versions[q.id] ?? 0])),
      visibility: { ...visibilityInputs(section, context), regimes: context.regimes },
      readOnly: context.invitation.status === 'submitted',
      position,
      count,
      next,
      locale,
      countries: listCountries(locale),
      evidence: await listEvidence(getDb(), { invitationId: context.invitation.id }),
    },
  }
}

/** An evidence upload (multipart) or removal, answered on the section page itself. */
async function evidenceAction(
  request: Request,
  t: ReturnType<typeof messagesFor>,
  invitationId: string,
  fileQuestionIds: string[],
  sectionId: string,
) {
  const reply = (message: string, status: number) => data({ errors: {}, values: null, message }, { status })
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    let upload: Upload
    try {
      upload = await readUpload(request, { maxBytes: MAX_EVIDENCE_FILE_BYTES })
    } catch (error) {
      if (error instanceof MalformedUploadError) return reply(t.section.uploadUnreadable, 400)
      throw error
    }
    const questionId = upload.fields.questionId ?? ''
    if (!fileQuestionIds.includes(questionId)) return reply(t.section.uploadQuestionMismatch, 400)
    if (!upload.file || upload.file.name === '') return reply(t.section.chooseFileFirst, 400)
    if (upload.file.tooLarge) return reply(t.section.fileTooLarge(upload.file.name), 413)
    try {
      await addEvidence(getDb(), { invitationId, questionId, bytes: upload.file.bytes, fileName: upload.file.name })
    } catch (error) {
      if (error instanceof EvidenceRejectedError) return reply(error.message, error.status)
      throw error
    }
    return redirect(`/v/section/${sectionId}#q-${questionId}`)
  }
  return null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const t = messagesFor(locale)
  const loaded = await load(request, params.sectionId)
  if (loaded.problem) return data({ errors: {}, values: null, message: t.section.sessionEnded }, { status: 401 })
  const { context, section, questions, next } = loaded
  const fileQuestionIds = questions.filter((q) => q.type === 'file').map((q) => q.id)
  const upload = await evidenceAction(request, t, context.invitation.id, fileQuestionIds, section.id)
  if (upload) return upload
  const formData = await request.formData()
  if (formData.get('intent') === 'delete-evidence') {
    const evidenceId = String(formData.get('evidenceId') ?? '')
    const removed = await deleteEvidence(getDb(), { invitationId: context.invitation.id, evidenceId }).catch(
      (error) => {
        if (error instanceof EvidenceRejectedError) return error
        throw error
      },
    )
    if (removed instanceof EvidenceRejectedError) {
      return data({ errors: {}, values: null, message: removed.message }, { status: removed.status })
    }
    return redirect(`/v/section/${section.id}`)
  }
  const raw = readSectionValues(questions, formData)
  // The same generated schemas as the browser's, with the vendor's language.
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
  if (Object.keys(errors).length > 0) {
    return data({ errors, values: raw, message: t.section.fixErrors }, { status: 400 })
  }
  // A field posted empty clears a stored answer (a radio group cannot be emptied, so it never does).
  const cleared = questions.filter(
    (q) =>
      !(q.id in raw) &&
      context.answers[q.id] !== undefined &&
      (formData.has(q.id) || formData.has(`${q.id}.__present`)) &&
      q.type !== 'file',
  )
  const conflicts: string[] = []
  try {
    for (const question of questions) {
      const clearing = cleared.includes(question)
      if (!clearing && !(question.id in answers)) continue
      const value = clearing ? undefined : answers[question.id]
      if (JSON.stringify(value) === JSON.stringify(context.answers[question.id])) continue
      const baseVersion = Number(formData.get(`__v.${question.id}`) ?? 0)
      const result = await saveAnswer(getDb(), {
        invitationId: context.invitation.id,
        questionId: question.id,
        value,
        baseVersion,
      })
      if (result.status === 'conflict') conflicts.push(question.id)
    }
  } catch (error) {
    if (error instanceof ResponseSubmittedError)
      return data({ errors: {}, values: raw, message: error.message }, { status: 409 })
    throw error
  }
  if (conflicts.length > 0) {
    const prompts = questions.filter((q) => conflicts.includes(q.id)).map((q) => `“${localized(q.prompt, locale)}”`)
    return data(
      {
        errors: Object.fromEntries(conflicts.map((id) => [id, t.section.conflictAtField])),
        values: raw,
        message: t.section.conflictsNotSaved(prompts.join(', ')),
      },
      { status: 409 },
    )
  }
  // An answer may reveal a follow-up question in this section: stay so the vendor sees it.
  const after = visibleQuestionIds(context.questionnaire, {
    answers: { ...context.answers, ...answers },
    regimes: context.regimes,
    profile: context.profile,
  })
  const revealed = section.questions.some((q) => after.has(q.id) && !context.visible.has(q.id))
  if (revealed) return redirect(`/v/section/${section.id}`)
  return redirect(next ? `/v/section/${next}` : '/v/review')
}

export default function VendorSection() {
  const { problem, page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (problem || !page) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  return (
    <SectionForm
      // A new section is a new form: its own defaults, its own field registrations.
      key={page.sectionId}
      page={page as unknown as SectionPage}
      posted={(actionData as Posted | undefined) ?? null}
    />
  )
}
