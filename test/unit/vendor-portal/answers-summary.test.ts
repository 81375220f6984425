import { describe, expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'
import { visibleQuestionIds } from '#app/questionnaire/visibility.ts'
import { answerInWords } from '#app/vendor-portal/answer-words.ts'
import { answersBySection } from '#app/vendor-portal/answers-summary.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'

const question = (id: string) => {
  const found = coreQuestionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id)
  if (!found) throw new Error(id)
  return found
}

describe('answers in the vendor’s words', () => {
  const es = { locale: 'es' as const, t: messagesFor('es') }
  test('countries, yes/no, choices, certificates and files read in the vendor’s language', () => {
    expect(answerInWords(question('storage.primaryCountries'), ['MX', 'US'], es)).toBe('México, Estados Unidos')
    expect(answerInWords(question('company.sanctionsScreening'), true, es)).toBe('Sí')
    const owner = question('company.majorityOwnerCountry')
    expect(answerInWords(owner, null, es)).toBe(owner.type === 'country' ? owner.nullLabel?.es : 'not nullable')
    expect(
      answerInWords(question('certifications.held'), [{ type: 'iso27001', edition: '2022', issued: '2025-03-01' }], es),
    ).toMatch(/ISO.*27001.*\(edición 2022\), emitido el 2025-03-01/)
    expect(answerInWords(question('certifications.held'), [], es)).toBe(messagesFor('es').section.noCertificates)
    expect(
      answerInWords(question('certifications.evidence'), ['e1', 'gone'], {
        ...es,
        fileNames: new Map([['e1', 'a.pdf']]),
      }),
    ).toBe('a.pdf, un archivo ya eliminado')
    expect(answerInWords(question('company.legalName'), undefined, es)).toBeUndefined()
  })

  test('every visible question, by section, with its answer or null, and files under their question', () => {
    const answers = { 'company.legalName': 'Acme SA', 'storage.usesSubprocessors': false }
    const visible = visibleQuestionIds(coreQuestionnaire, { answers, regimes: [], profile: {} as never })
    const sections = answersBySection(coreQuestionnaire, {
      answers,
      visible,
      files: [{ id: 'f1', questionId: 'certifications.evidence', fileName: 'iso.pdf' }],
      locale: 'en',
      t: messagesFor('en'),
    })
    expect(sections.map((s) => s.id)).toEqual(
      coreQuestionnaire.sections.filter((s) => s.questions.some((q) => visible.has(q.id))).map((s) => s.id),
    )
    const company = sections.find((s) => s.id === 'company')!
    expect(company.answers[0]).toEqual({
      id: 'company.legalName',
      prompt: question('company.legalName').prompt.en,
      text: 'Acme SA',
      required: true,
    })
    expect(company.answers.find((a) => a.id === 'company.hqCountry')?.text).toBeNull()
    // Hidden follow-ups are not listed.
    const ids = sections.flatMap((s) => s.answers.map((a) => a.id))
    expect(ids).not.toContain('storage.subprocessorList')
    expect(ids.filter((id) => !visible.has(id))).toEqual([])
  })
})
