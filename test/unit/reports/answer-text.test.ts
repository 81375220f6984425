import { describe, expect, test } from 'vitest'
import { answerText } from '#app/reports/answer-text.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'

const question = (id: string) => coreQuestionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id)

describe('answers as buyer pages show them', () => {
  test('a choice written to the vendor ("you (the vendor)") is said about the vendor, in the third person', () => {
    const atRest = question('handling.encryptionAtRest')
    expect(atRest).toBeDefined()
    expect(answerText(atRest, 'vendor-managed-keys')).toBe('Encrypted with keys the vendor manages')
    // "We (the customer)" is the buyer on both sides: unchanged.
    expect(answerText(atRest, 'customer-managed-keys')).toBe(
      'Encrypted with keys that we (the customer) hold and control',
    )
  })
})
