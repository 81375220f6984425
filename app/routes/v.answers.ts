import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getDb } from '#app/db.server.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { ResponseSubmittedError, saveAnswer } from '#app/responses/answers.server.ts'
import { loadVendorContext } from '#app/vendor/vendor-context.server.ts'

const AutosaveSchema = z.object({
  questionId: z.string().min(1).max(120),
  value: z.unknown(),
  baseVersion: z.number().int().min(0),
  /** true: the person emptied the field; the answer becomes "not answered" again. */
  clear: z.boolean().optional(),
})

/**
 * A resource route, so it answers with plain Responses (single fetch's data() keeps no status here).
 *
 * Autosave: one answer per request, as JSON ({ questionId, value, baseVersion } or { questionId,
 * clear: true, baseVersion }). 200 { version } when saved (0 after a clear); 409 { currentValue,
 * currentVersion } when another tab saved first (nothing is overwritten); 400 with the reason for a
 * bad value; 423 when the questionnaire was submitted. Scoped to the vendor session's invitation.
 */
export async function action({ request }: ActionFunctionArgs) {
  const context = await loadVendorContext(request)
  if (context.problem)
    return Response.json({ error: 'Your session ended: open the link from your email again.' }, { status: 401 })
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return Response.json({ error: 'The request body must be JSON.' }, { status: 400 })
  }
  const parsed = AutosaveSchema.safeParse(body)
  if (!parsed.success) return Response.json({ error: 'Expected { questionId, value, baseVersion }.' }, { status: 400 })
  const { questionId, value, baseVersion, clear } = parsed.data
  if (!context.visible.has(questionId))
    return Response.json({ error: `No visible question "${questionId}".` }, { status: 404 })
  const { answers, issues } = clear
    ? { answers: {} as Record<string, unknown>, issues: [] }
    : validateAnswers(context.questionnaire, { [questionId]: value })
  if (!clear && value === undefined)
    return Response.json({ error: 'Send a value, or clear: true to clear the answer.' }, { status: 400 })
  if (issues.length > 0)
    return Response.json(
      { error: issues.map((i) => `${i.path.replace(/^answers\./, '')}: ${i.message}`).join('; ') },
      { status: 400 },
    )
  try {
    const result = await saveAnswer(getDb(), {
      invitationId: context.invitation.id,
      questionId,
      value: answers[questionId],
      baseVersion,
    })
    if (result.status === 'conflict') return Response.json(result, { status: 409 })
    return Response.json(result)
  } catch (error) {
    if (error instanceof ResponseSubmittedError) return Response.json({ error: error.message }, { status: 423 })
    throw error
  }
}

export async function loader() {
  throw new Response('Not found', { status: 404 })
}
