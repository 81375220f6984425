import { describe, expect, test } from 'vitest'
import { applicableRegimeIds } from '#app/assessment/engine.ts'
import { isAnswered } from '#app/conditions/answered.ts'
import { evaluateCondition } from '#app/conditions/condition.ts'
import type { QuestionnaireDefinition } from '#app/questionnaire/definition.ts'
import { answeredShare, progressOfQuestions } from '#app/questionnaire/progress.ts'
import { visibleQuestionIds } from '#app/questionnaire/visibility.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { getPath } from '#app/utils/safe-path.ts'
import { formToAnswer, sectionDefaults } from '#app/vendor-portal/form-values.ts'
import { sectionProgress } from '#app/vendor-portal/progress.ts'
import { liveVisibility, type SectionPage } from '#app/vendor-portal/section-form.tsx'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

const profile = ProfileSchema.parse({
  homeCountry: 'US',
  industry: 'ecommerce',
  dataCategories: ['cardholder-data'],
  volumes: {},
  flags: {},
  purposes: [],
})
const regimes = applicableRegimeIds(profile, regimePacks)

/** What the vendor's list of sections says: counted on the server from the stored answers. */
function listCount(answers: Record<string, unknown>, sectionId: string) {
  const visible = visibleQuestionIds(coreQuestionnaire, { answers, regimes, profile })
  const section = sectionProgress(coreQuestionnaire, { answers, visible }).find((s) => s.id === sectionId)!
  return `${section.answered} of ${section.total}`
}

/**
 * What the section's own counter says once the page runs in the browser: the form is filled from
 * the stored answers (sectionDefaults), read back as answers (formToAnswer), and visibility and
 * the count are evaluated live, as SectionForm does on every keystroke.
 */
function sectionFormCount(answers: Record<string, unknown>, sectionId: string) {
  const section = coreQuestionnaire.sections.find((s) => s.id === sectionId)!
  const defaults = sectionDefaults(section.questions, answers)
  const formAnswers = Object.fromEntries(section.questions.map((q) => [q.id, formToAnswer(q, getPath(defaults, q.id))]))
  const page: Pick<SectionPage, 'questions' | 'visibleWhen' | 'visibility'> = {
    questions: section.questions,
    visibleWhen: section.visibleWhen ?? null,
    visibility: { answers, profile: profile as unknown as Record<string, unknown>, regimes: [...regimes] },
  }
  const visible = liveVisibility(page, formAnswers)
  const { answered, total } = progressOfQuestions(section.questions, { answers: formAnswers, visible })
  return `${answered} of ${total}`
}

describe('one definition of "answered"', () => {
  // An answer is what the vendor stored; the form stores nothing for an empty field
  // (test/unit/vendor-portal/form-values.test.ts), so only an explicit "none" is an empty value.
  test.each([
    [undefined, false],
    ['', false],
    ['   ', false],
    [null, true], // a nullable question's "none"
    [[], true], // "we hold none of these certificates"
    [false, true],
    [0, true],
    ['Acme', true],
    [['IN'], true],
  ])('%j answered: %s, and the condition operators say the same', (value, expected) => {
    expect(isAnswered(value)).toBe(expected)
    const read = () => value
    expect(evaluateCondition({ fact: 'q', operator: 'answered' }, read)).toBe(expected)
    expect(evaluateCondition({ fact: 'q', operator: 'notAnswered' }, read)).toBe(!expected)
  })
})

describe("the vendor's list, the section's counter and the buyer's column agree", () => {
  test('a PCI engagement with nothing answered: the certifications section is "0 of 2" on the list and in the section', () => {
    expect(listCount({}, 'certifications')).toBe('0 of 2')
    expect(sectionFormCount({}, 'certifications')).toBe('0 of 2')
  })

  test('in every section, for no answers, some answers and the "none" answer, the counts are the same', () => {
    const states: Record<string, unknown>[] = [
      {},
      { 'company.legalName': 'Acme', 'company.majorityOwnerCountry': null, 'storage.usesSubprocessors': true },
      {
        'certifications.held': [{ type: 'pci-dss-aoc', issued: '2026-03-01', expires: '2027-03-01' }],
        'storage.backupCountries': ['IN'],
        'handling.encryptionAtRest': 'provider-managed',
      },
      { 'certifications.held': [], 'storage.primaryCountries': ['US', 'IN'] },
    ]
    for (const answers of states) {
      for (const section of coreQuestionnaire.sections) {
        const visible = visibleQuestionIds(coreQuestionnaire, { answers, regimes, profile })
        if (!section.questions.some((q) => visible.has(q.id) && q.type !== 'file')) continue
        expect(sectionFormCount(answers, section.id), `${section.id} with ${JSON.stringify(answers)}`).toBe(
          listCount(answers, section.id),
        )
      }
      const list = sectionProgress(coreQuestionnaire, {
        answers,
        visible: visibleQuestionIds(coreQuestionnaire, { answers, regimes, profile }),
      })
      const share = answeredShare(coreQuestionnaire, { answers, regimes, profile })
      expect(share.answered).toBe(list.reduce((n, s) => n + s.answered, 0))
      expect(share.total).toBe(list.reduce((n, s) => n + s.total, 0))
    }
  })

  test('"No single owner holds 50 % or more" answers the ownership question: it is counted and not missing', () => {
    const answers = { 'company.majorityOwnerCountry': null }
    const visible = visibleQuestionIds(coreQuestionnaire, { answers, regimes, profile })
    const company = sectionProgress(coreQuestionnaire, { answers, visible }).find((s) => s.id === 'company')!
    expect(company.answered).toBe(1)
    expect(company.missingRequired.map((q) => q.id)).not.toContain('company.majorityOwnerCountry')
  })

  test('file questions are never counted (evidence is attached beside them), on either side', () => {
    const answers = { 'destruction.certificateProvided': true }
    const definition: QuestionnaireDefinition = coreQuestionnaire
    const visible = visibleQuestionIds(definition, { answers, regimes, profile })
    expect(visible.has('destruction.certificateSample')).toBe(true)
    const destruction = sectionProgress(definition, { answers, visible }).find((s) => s.id === 'destruction')!
    const questions = definition.sections.find((s) => s.id === 'destruction')!.questions
    expect(destruction.total).toBe(questions.filter((q) => visible.has(q.id) && q.type !== 'file').length)
    expect(sectionFormCount(answers, 'destruction')).toBe(listCount(answers, 'destruction'))
  })
})
