import { z } from 'zod'
import { getDb } from '../db.server.ts'
import { validateAnswers } from '../questionnaire/answers.ts'
import { ResponseSubmittedError, saveAnswer } from '../responses/answers.server.ts'
import { loadVendorSaveContext } from './vendor-context.server.ts'

const AutosaveSchema = z.object({
  questionId: z.string().min(1).max(120),
  value: z.unknown().optional(),
  baseVersion: z.number().int().min(0),
  /** true: the person emptied the field; the answer becomes "not answered" again. */
  clear: z.boolean().optional(),
})

type AutosaveReply = { status: number; body: Record<string, unknown> }

/**
 * Autosave of one answer: `{ questionId, value, baseVersion }` or `{ questionId, clear: true,
 * baseVersion }`. 200 { version } when saved (0 after a clear); 409 { currentValue, currentVersion }
 * when another tab saved first (nothing is overwritten); 400 with the reason for a bad value; 401
 * without a vendor session; 404 for a question the vendor cannot see; 423 once submitted. Scoped
 * to the invitation of the vendor's session.
 *
 * Plain inputs and outputs (the Cookie header and the parsed body), so the same function serves
 * the Remix resource route and the production server's direct route for this hot path
 * (app/server/http.server.ts), which skips Remix's per-request routing work.
 */
export async function autosaveAnswer(cookieHeader: string | null, body: unknown): Promise<AutosaveReply> {
  const context = await loadVendorSaveContext(cookieHeader)
  if (context.problem)
    return { status: 401, body: { error: 'Your session ended: open the link from your email again.' } }
  const parsed = AutosaveSchema.safeParse(body)
  if (!parsed.success) return { status: 400, body: { error: 'Expected { questionId, value, baseVersion }.' } }
  const { questionId, value, baseVersion, clear } = parsed.data
  if (!context.visible.has(questionId)) return { status: 404, body: { error: `No visible question "${questionId}".` } }
  if (!clear && value === undefined)
    return { status: 400, body: { error: 'Send a value, or clear: true to clear the answer.' } }
  let stored: unknown
  if (!clear) {
    const { answers, issues } = validateAnswers(context.questionnaire, { [questionId]: value })
    if (issues.length > 0)
      return {
        status: 400,
        body: { error: issues.map((i) => `${i.path.replace(/^answers\./, '')}: ${i.message}`).join('; ') },
      }
    stored = answers[questionId]
  }
  try {
    const result = await saveAnswer(getDb(), {
      invitationId: context.invitationId,
      responseId: context.responseId,
      questionId,
      value: stored,
      baseVersion,
    })
    return { status: result.status === 'conflict' ? 409 : 200, body: result }
  } catch (error) {
    if (error instanceof ResponseSubmittedError) return { status: 423, body: { error: error.message } }
    throw error
  }
}
