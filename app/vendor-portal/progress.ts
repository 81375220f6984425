import { type Locale, localized } from '../i18n/locale.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'

const answered = (value: unknown) => value !== undefined && value !== null && value !== ''

/** Per visible section: how many visible questions are answered, and which required ones are not. */
export function sectionProgress(
  questionnaire: QuestionnaireDefinition,
  {
    answers,
    visible,
    locale = 'en',
  }: { answers: Readonly<Record<string, unknown>>; visible: ReadonlySet<string>; locale?: Locale },
) {
  return questionnaire.sections
    .map((section) => {
      const questions = section.questions.filter((q) => visible.has(q.id) && q.type !== 'file')
      return {
        id: section.id,
        title: localized(section.title, locale),
        total: questions.length,
        answered: questions.filter((q) => answered(answers[q.id])).length,
        missingRequired: questions
          .filter((q) => q.required && !answered(answers[q.id]))
          .map((q) => ({ id: q.id, prompt: localized(q.prompt, locale) })),
      }
    })
    .filter((section) => section.total > 0)
}
