import { describe, expect, it } from 'vitest'
import type { QuestionnaireDefinition } from '#app/questionnaire/definition.ts'
import { visibleQuestionIds } from '#app/questionnaire/visibility.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'

const text = (en: string) => ({ en })
const definition: QuestionnaireDefinition = {
  id: 'tiny',
  version: 1,
  title: text('Tiny'),
  sections: [
    {
      id: 'a',
      title: text('A'),
      questions: [
        { id: 'a.uses', type: 'yes-no', prompt: text('?'), help: text('?'), required: true },
        {
          id: 'a.list',
          type: 'country-list',
          prompt: text('?'),
          help: text('?'),
          required: false,
          visibleWhen: { fact: 'a.uses', operator: 'equal', value: true },
        },
      ],
    },
    {
      id: 'us',
      title: text('US only'),
      visibleWhen: { fact: 'profile.homeCountry', operator: 'equal', value: 'US' },
      questions: [
        {
          id: 'us.hipaa',
          type: 'yes-no',
          prompt: text('?'),
          help: text('?'),
          required: false,
          visibleWhen: { fact: 'regimes', operator: 'contains', value: 'hipaa' },
        },
      ],
    },
  ],
}

describe('visibleQuestionIds', () => {
  it('follows answers, regimes and profile facts; a hidden section hides its questions', () => {
    const ids = (answers: Record<string, unknown>, regimes: string[], homeCountry: string) => [
      ...visibleQuestionIds(definition, { answers, regimes, profile: { homeCountry } }),
    ]
    expect(ids({}, [], 'US')).toEqual(['a.uses'])
    expect(ids({ 'a.uses': true }, ['hipaa'], 'US')).toEqual(['a.uses', 'a.list', 'us.hipaa'])
    expect(ids({ 'a.uses': true }, ['hipaa'], 'DE')).toEqual(['a.uses', 'a.list'])
  })

  it('hides regime-specific core questions when the regime does not apply', () => {
    const none = visibleQuestionIds(coreQuestionnaire, { answers: {}, regimes: [], profile: { homeCountry: 'US' } })
    const hipaa = visibleQuestionIds(coreQuestionnaire, {
      answers: {},
      regimes: ['hipaa'],
      profile: { homeCountry: 'US' },
    })
    expect(none.has('contract.baa')).toBe(false)
    expect(hipaa.has('contract.baa')).toBe(true)
  })
})
