import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { visibleQuestionIds } from '../questionnaire/visibility.ts'

/**
 * How much of the questionnaire a vendor has answered: answered visible questions over visible
 * questions, where visibility follows the engagement's regimes and the vendor's own answers (the
 * same rule the form uses). Pure; used on the buyer's vendor list.
 */
export function answeredShare(
  definition: QuestionnaireDefinition,
  context: { answers: Readonly<Record<string, unknown>>; regimes: readonly string[]; profile: unknown },
): { answered: number; visible: number; percent: number } {
  const visible = visibleQuestionIds(definition, context)
  let answered = 0
  for (const id of visible) {
    const value = context.answers[id]
    if (value !== undefined && value !== null && value !== '') answered++
  }
  return {
    answered,
    visible: visible.size,
    percent: visible.size === 0 ? 0 : Math.round((answered / visible.size) * 100),
  }
}
