import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { PublicPage } from '#app/components/public-page.tsx'
import { getDb } from '#app/db.server.ts'
import { addEvidence, deleteEvidence, EvidenceRejectedError, listEvidence } from '#app/evidence/evidence.server.ts'
import { MAX_EVIDENCE_FILE_BYTES } from '#app/evidence/evidence-policy.ts'
import { readUpload } from '#app/evidence/multipart.server.ts'
import { listCountries } from '#app/geography/countries.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { visibleQuestionIds } from '#app/questionnaire/visibility.ts'
import { ResponseSubmittedError, saveAnswer } from '#app/responses/answers.server.ts'
import { QuestionField } from '#app/vendor/question-field.tsx'
import { readSectionValues } from '#app/vendor/section-values.ts'
import { loadVendorContext } from '#app/vendor/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor/vendor-link-problem.tsx'

export const meta: MetaFunction = () => [
  { title: 'Vendor questionnaire · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

async function load(request: Request, sectionId: string | undefined) {
  const context = await loadVendorContext(request)
  if (context.problem) return { context: null, problem: context.problem } as const
  const index = context.questionnaire.sections.findIndex((s) => s.id === sectionId)
  const section = context.questionnaire.sections[index]
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await load(request, params.sectionId)
  if (loaded.problem) return data({ problem: loaded.problem, page: null }, { status: 401 })
  const { context, section, questions, position, count } = loaded
  return {
    problem: null,
    page: {
      title: section.title.en,
      description: section.description?.en ?? null,
      questions,
      answers: Object.fromEntries(questions.map((q) => [q.id, context.answers[q.id]])),
      versions: Object.fromEntries(questions.map((q) => [q.id, context.versions[q.id] ?? 0])),
      readOnly: context.invitation.status === 'submitted',
      position,
      count,
      countries: listCountries('en'),
      evidence: (await listEvidence(getDb(), { invitationId: context.invitation.id })).filter((e) =>
        questions.some((q) => q.id === e.questionId),
      ),
    },
  }
}

/** An evidence upload (multipart) or removal, answered on the section page itself. */
async function evidenceAction(request: Request, invitationId: string, fileQuestionIds: string[], sectionId: string) {
  const reply = (message: string, status: number) => data({ errors: {}, values: {}, message }, { status })
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const upload = await readUpload(request, { maxBytes: MAX_EVIDENCE_FILE_BYTES })
    const questionId = upload.fields.questionId ?? ''
    if (!fileQuestionIds.includes(questionId))
      return reply('Upload the file at one of this section’s file questions.', 400)
    if (!upload.file || upload.file.name === '') return reply('Choose a file to upload first.', 400)
    if (upload.file.tooLarge) {
      return reply(
        `"${upload.file.name}" is larger than 10 MB; upload a smaller one (scan at a lower resolution or split it).`,
        413,
      )
    }
    try {
      await addEvidence(getDb(), { invitationId, questionId, bytes: upload.file.bytes, fileName: upload.file.name })
    } catch (error) {
      if (error instanceof EvidenceRejectedError) return reply(error.message, 400)
      throw error
    }
    return redirect(`/v/section/${sectionId}#q-${questionId}`)
  }
  return null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const loaded = await load(request, params.sectionId)
  if (loaded.problem)
    return data(
      { errors: {}, values: {}, message: 'Your session ended: open the link from your email again.' },
      { status: 401 },
    )
  const { context, section, questions, next } = loaded
  const fileQuestionIds = questions.filter((q) => q.type === 'file').map((q) => q.id)
  const upload = await evidenceAction(request, context.invitation.id, fileQuestionIds, section.id)
  if (upload) return upload
  const formData = await request.formData()
  if (formData.get('intent') === 'delete-evidence') {
    await deleteEvidence(getDb(), {
      invitationId: context.invitation.id,
      evidenceId: String(formData.get('evidenceId') ?? ''),
    })
    return redirect(`/v/section/${section.id}`)
  }
  const raw = readSectionValues(questions, formData)
  const { answers, issues } = validateAnswers(context.questionnaire, raw)
  if (issues.length > 0) {
    const errors: Record<string, string> = {}
    for (const issue of issues) {
      const id = questions.find(
        (q) =>
          issue.path === `answers.${q.id}` ||
          issue.path.startsWith(`answers.${q.id}[`) ||
          issue.path.startsWith(`answers.${q.id}.`),
      )?.id
      if (id) errors[id] ??= issue.message.replace(/^answers\.[^:]*: /, '')
    }
    return data(
      { errors, values: raw, message: 'Some answers need a fix; nothing in this section was lost.' },
      { status: 400 },
    )
  }
  const conflicts: string[] = []
  try {
    for (const [questionId, value] of Object.entries(answers)) {
      if (JSON.stringify(value) === JSON.stringify(context.answers[questionId])) continue
      const baseVersion = Number(formData.get(`__v.${questionId}`) ?? 0)
      const result = await saveAnswer(getDb(), { invitationId: context.invitation.id, questionId, value, baseVersion })
      if (result.status === 'conflict') conflicts.push(questionId)
    }
  } catch (error) {
    if (error instanceof ResponseSubmittedError)
      return data({ errors: {}, values: raw, message: error.message }, { status: 409 })
    throw error
  }
  if (conflicts.length > 0) {
    const prompts = questions.filter((q) => conflicts.includes(q.id)).map((q) => `“${q.prompt.en}”`)
    return data(
      {
        errors: Object.fromEntries(
          conflicts.map((id) => [
            id,
            'Someone else saved a different answer here meanwhile; the form now shows theirs is stored. Submit again to keep yours.',
          ]),
        ),
        values: raw,
        message: `Not saved because a colleague changed them meanwhile: ${prompts.join(', ')}. Reload to see their answers, or submit again to replace them.`,
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
  const values = (actionData?.values ?? page.answers) as Record<string, unknown>
  return (
    <PublicPage wide>
      <p>
        <Link to="/v">← All sections</Link> · Section {page.position + 1} of {page.count}
      </p>
      <h1>{page.title}</h1>
      {page.description ? <p className="muted">{page.description}</p> : null}
      {page.readOnly ? (
        <div className="notice" role="status">
          You submitted your answers; they are read-only now.
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="form-error" role="alert">
          {actionData.message}
        </div>
      ) : null}
      <Form method="post" className="questionnaire">
        <fieldset disabled={page.readOnly} className="plain">
          {page.questions.map((question) => (
            <div key={question.id}>
              <input type="hidden" name={`__v.${question.id}`} value={page.versions[question.id] ?? 0} />
              <QuestionField
                question={question}
                value={values[question.id]}
                error={(actionData?.errors as Record<string, string> | undefined)?.[question.id]}
                countries={page.countries}
              />
            </div>
          ))}
          <button className="primary" type="submit">
            Save and continue
          </button>
        </fieldset>
      </Form>
      {page.questions
        .filter((q) => q.type === 'file')
        .map((q) => (
          <section key={q.id} className="panel evidence" aria-label={`Files for: ${q.prompt.en}`}>
            <h2>{q.prompt.en}</h2>
            <ul>
              {page.evidence
                .filter((e) => e.questionId === q.id)
                .map((e) => (
                  <li key={e.id}>
                    <a href={`/v/evidence/${e.id}`}>{e.fileName}</a>{' '}
                    <span className="muted">{`${Math.ceil(e.size / 1024)} KB · SHA-256 ${e.sha256.slice(0, 12)}…`}</span>
                    {page.readOnly ? null : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="delete-evidence" />
                        <input type="hidden" name="evidenceId" value={e.id} />
                        <button type="submit" className="link-button">
                          Remove
                        </button>
                      </Form>
                    )}
                  </li>
                ))}
            </ul>
            {page.readOnly ? null : (
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="questionId" value={q.id} />
                <label htmlFor={`file-${q.id}`}>Add a file (PDF, PNG or JPEG, up to 10 MB)</label>{' '}
                <input id={`file-${q.id}`} type="file" name="file" accept="application/pdf,image/png,image/jpeg" />{' '}
                <button type="submit" className="link-button">
                  Upload
                </button>
              </Form>
            )}
          </section>
        ))}
    </PublicPage>
  )
}
