import { describe, expect, test } from 'vitest'
import { buyerQuestion } from '#app/reports/answer-text.ts'
import { questionnaires, regimePacks } from '#questionnaires/index.ts'

/** Every question's prompt in every questionnaire version the app knows. */
function allPrompts(): string[] {
  const prompts = new Set<string>()
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) walk(child)
      return
    }
    const prompt = (node as { prompt?: { en?: unknown } }).prompt?.en
    if (typeof prompt === 'string') prompts.add(prompt)
    for (const child of Object.values(node)) walk(child)
  }
  walk(questionnaires)
  walk(regimePacks)
  return [...prompts]
}

describe('questions on the buyer’s pages, in the third person', () => {
  test('no question of any questionnaire version reads "you" or "your" once in the buyer’s words', () => {
    const prompts = allPrompts()
    expect(prompts.filter((p) => /\byou\b/i.test(p)).length).toBeGreaterThan(40)
    expect(prompts.map(buyerQuestion).filter((p) => /\b(you|your)\b/i.test(p))).toEqual([])
  })

  test.each([
    [
      'Do you check your company, your owners and your subprocessors against US and EU sanctions lists at least once a year?',
      'Does the vendor check its company, its owners and its subprocessors against US and EU sanctions lists at least once a year?',
    ],
    ['What is the full legal name of your company?', "What is the full legal name of the vendor's company?"],
    [
      'Have you verified that every person who can reach our data is a US person?',
      'Has the vendor verified that every person who can reach our data is a US person?',
    ],
    [
      'Is our data encrypted end to end, so that you never hold readable data or the keys?',
      'Is our data encrypted end to end, so that the vendor never holds readable data or the keys?',
    ],
    [
      'Within how many hours after you discover a security incident affecting our data will you notify us?',
      'Within how many hours after the vendor discovers a security incident affecting our data will the vendor notify us?',
    ],
    [
      'Will you confirm in writing that you are responsible for the security of the card data you handle for us?',
      'Will the vendor confirm in writing that it is responsible for the security of the card data it handles for us?',
    ],
    [
      'Do other companies (subprocessors) store, process or have access to our data for you?',
      'Do other companies (subprocessors) store, process or have access to our data for the vendor?',
    ],
    ['Your staff must not see our data.', "The vendor's staff must not see our data."],
  ])('%s', (prompt, expected) => {
    expect(buyerQuestion(prompt)).toBe(expected)
  })
})
