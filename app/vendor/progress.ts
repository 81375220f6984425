import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'

const answered = (value: unknown) => value !== undefined && value !== null && value !== ''

/** Per visible section: how many visible questions are answered, and which required ones are not. */
export function sectionProgress(
  questionnaire: QuestionnaireDefinition,
  { answers, visible }: { answers: Readonly<Record<string, unknown>>; visible: ReadonlySet<string> },
) {
  return questionnaire.sections
    .map((section) => {
      const questions = section.questions.filter((q) => visible.has(q.id) && q.type !== 'file')
      return {
        id: section.id,
        title: section.title.en,
        total: questions.length,
        answered: questions.filter((q) => answered(answers[q.id])).length,
        missingRequired: questions
          .filter((q) => q.required && !answered(answers[q.id]))
          .map((q) => ({ id: q.id, prompt: q.prompt.en })),
      }
    })
    .filter((section) => section.total > 0)
}
