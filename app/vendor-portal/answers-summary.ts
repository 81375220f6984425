import { type Locale, localized } from '../i18n/locale.ts'
import type { Messages } from '../i18n/messages.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { answerInWords } from './answer-words.ts'

export type SummaryAnswer = { id: string; prompt: string; text: string | null; required: boolean }
export type SummarySection = { id: string; title: string; answers: SummaryAnswer[] }

/**
 * Every question the vendor sees, section by section, with its answer in the vendor's words
 * (null: not answered; a file question lists its files). The review page and the PDF of the
 * submitted answers show the same thing. Pure.
 *
 * @example answersBySection(questionnaire, { answers, visible, files: [], locale: 'es', t })[0]
 * // { id: 'company', title: 'Empresa y propiedad', answers: [{ id: 'company.legalName', … }] }
 */
export function answersBySection(
  questionnaire: QuestionnaireDefinition,
  {
    answers,
    visible,
    files,
    locale,
    t,
  }: {
    answers: Readonly<Record<string, unknown>>
    visible: ReadonlySet<string>
    files: ReadonlyArray<{ id: string; questionId: string; fileName: string }>
    locale: Locale
    t: Messages
  },
): SummarySection[] {
  const fileNames = new Map(files.map((f) => [f.id, f.fileName]))
  return questionnaire.sections
    .map((section) => ({
      id: section.id,
      title: localized(section.title, locale),
      answers: section.questions
        .filter((question) => visible.has(question.id))
        .map((question) => {
          const value =
            question.type === 'file'
              ? files.filter((f) => f.questionId === question.id).map((f) => f.id)
              : answers[question.id]
          const text =
            question.type === 'file' && Array.isArray(value) && value.length === 0
              ? null
              : (answerInWords(question, value, { locale, t, fileNames }) ?? null)
          return { id: question.id, prompt: localized(question.prompt, locale), text, required: question.required }
        }),
    }))
    .filter((section) => section.answers.length > 0)
}
