import { describe, expect, test } from 'vitest'
import { LOCALES } from '#app/i18n/locale.ts'
import { MESSAGES } from '#app/i18n/messages.ts'
import type { LocalizedText } from '#app/questionnaire/definition.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'

/** Every leaf of a dictionary as [path, text]; functions are called with sample values. */
function leaves(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]]
  if (typeof node === 'function') {
    const sample = (node as (...args: unknown[]) => unknown)(
      ...Array.from({ length: node.length }, () =>
        path.startsWith('email.')
          ? {
              contactName: 'N',
              buyer: 'B',
              engagement: 'E',
              link: 'L',
              dueDate: 'D',
              overdue: false,
              message: 'M',
              items: [{ message: 'F', remediation: 'R' }],
            }
          : 2,
      ),
    )
    return typeof sample === 'string' ? [[path, sample]] : leaves(sample, path)
  }
  if (typeof node === 'object' && node !== null)
    return Object.entries(node).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key))
  return [[path, String(node)]]
}

describe('the vendor dictionary', () => {
  const english = new Map(leaves(MESSAGES.en))

  test.each(LOCALES.filter((l) => l !== 'en'))('%s has every key English has, none empty, none extra', (locale) => {
    const translated = new Map(leaves(MESSAGES[locale]))
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort())
    const empty = [...translated].filter(([, text]) => text.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  test('a text left in English by mistake is caught (apart from names and codes that are the same everywhere)', () => {
    const same = [...new Map(leaves(MESSAGES.es))].filter(
      ([key, text]) => english.get(key) === text && !/^(section\.(no|fileSize|editionNotApplicable))$/.test(key),
    )
    expect(same.map(([key]) => key)).toEqual([])
  })
})

describe('the questionnaire in every language', () => {
  test('every text of the core questionnaire has Spanish and Chinese', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) {
        for (const [i, child] of node.entries()) walk(child, `${path}[${i}]`)
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>
        if (typeof record.en === 'string') {
          for (const locale of LOCALES)
            if (!(record as LocalizedText)[locale]?.trim()) missing.push(`${path}.${locale}`)
          return
        }
        for (const [key, child] of Object.entries(record)) walk(child, path ? `${path}.${key}` : key)
      }
    }
    walk(coreQuestionnaire, '')
    expect(missing).toEqual([])
  })
})
