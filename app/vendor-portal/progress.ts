import { type Locale, localized } from '../i18n/locale.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { sectionsProgress } from '../questionnaire/progress.ts'

/**
 * The vendor's progress per visible section, in the vendor's language: how many questions are
 * answered, and which required ones are not (the review page lists them). Counted by
 * `questionnaire/progress.ts`, the same count as the section's own counter and the buyer's column.
 */
export function sectionProgress(
  questionnaire: QuestionnaireDefinition,
  {
    answers,
    visible,
    locale = 'en',
  }: { answers: Readonly<Record<string, unknown>>; visible: ReadonlySet<string>; locale?: Locale },
) {
  return sectionsProgress(questionnaire, { answers, visible }).map(({ section, total, answered, missingRequired }) => ({
    id: section.id,
    title: localized(section.title, locale),
    total,
    answered,
    missingRequired: missingRequired.map((q) => ({ id: q.id, prompt: localized(q.prompt, locale) })),
  }))
}
