import { isAnswered } from '../conditions/answered.ts'
import type { Question, QuestionnaireDefinition, Section } from './definition.ts'
import { type VisibilityContext, visibleQuestionIds } from './visibility.ts'

/**
 * THE progress count, for the vendor's list of sections, each section's own counter, the review
 * page's "required and unanswered" list and the buyer's progress column, so they can never
 * disagree: a question counts when it is visible (`visibility.ts`) and takes an answer (a file
 * question takes evidence, shown beside it, not counted), and it is done when `isAnswered` says so.
 *
 * @example
 * progressOfQuestions(section.questions, { answers: { 'company.legalName': 'Acme' }, visible })
 * // { total: 7, answered: 1, missingRequired: [hqCountry, …] }
 */
type Progress = { total: number; answered: number; missingRequired: Question[] }

function countsTowardProgress(question: Question, visible: ReadonlySet<string>): boolean {
  return question.type !== 'file' && visible.has(question.id)
}

export function progressOfQuestions(
  questions: readonly Question[],
  { answers, visible }: { answers: Readonly<Record<string, unknown>>; visible: ReadonlySet<string> },
): Progress {
  const progress: Progress = { total: 0, answered: 0, missingRequired: [] }
  for (const question of questions) {
    if (!countsTowardProgress(question, visible)) continue
    progress.total++
    if (isAnswered(answers[question.id])) progress.answered++
    else if (question.required) progress.missingRequired.push(question)
  }
  return progress
}

/** Per section with at least one question to answer, in the questionnaire's order. */
export function sectionsProgress(
  definition: QuestionnaireDefinition,
  context: { answers: Readonly<Record<string, unknown>>; visible: ReadonlySet<string> },
): Array<Progress & { section: Section }> {
  return definition.sections
    .map((section) => ({ section, ...progressOfQuestions(section.questions, context) }))
    .filter((progress) => progress.total > 0)
}

/** A whole number of percent; 0 when there is nothing to answer. */
function percentAnswered({ answered, total }: { answered: number; total: number }): number {
  return total === 0 ? 0 : Math.round((answered / total) * 100)
}

/** The buyer's progress column: answered over countable questions of the whole questionnaire. */
export function answeredShare(
  definition: QuestionnaireDefinition,
  context: VisibilityContext,
): { answered: number; total: number; percent: number } {
  const visible = visibleQuestionIds(definition, context)
  const { answered, total } = progressOfQuestions(
    definition.sections.flatMap((s) => s.questions),
    { answers: context.answers, visible },
  )
  return { answered, total, percent: percentAnswered({ answered, total }) }
}
