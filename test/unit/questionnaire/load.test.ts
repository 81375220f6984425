import { describe, expect, test } from 'vitest'
import { formatPath, loadQuestionnaire } from '#app/questionnaire/load.ts'

const FILE = 'questionnaires/demo/v1.json'
const en = (text: string) => ({ en: text })

function yesNo(id: string, extra: Record<string, unknown> = {}) {
  return { id, type: 'yes-no', prompt: en(`${id}?`), help: en('Plain help.'), required: true, ...extra }
}

function choice(id: string, values: string[], extra: Record<string, unknown> = {}) {
  return { ...yesNo(id, extra), type: 'single-choice', choices: values.map((value) => ({ value, label: en(value) })) }
}

/** A small valid definition; each test breaks one thing. */
function base() {
  return {
    id: 'demo',
    version: 1,
    title: en('Demo'),
    sections: [
      {
        id: 'handling',
        title: en('Handling'),
        questions: [
          yesNo('handling.mfaForAllAccess', { scoring: { kind: 'byValue', weight: 2, points: { true: 1, false: 0 } } }),
          choice('handling.encryptionAtRest', ['none', 'provider-managed']),
          yesNo('contract.baa', { visibleWhen: { fact: 'regimes', operator: 'contains', value: 'hipaa' } }),
        ],
      },
      {
        id: 'contract',
        title: en('Contract'),
        questions: [
          yesNo('contract.baaFlowDown', {
            visibleWhen: { fact: 'contract.baa', operator: 'equal', value: true },
          }),
          yesNo('dod.nist800171Implemented', {
            visibleWhen: { fact: 'profile.flags.dodContractor', operator: 'equal', value: true },
            scoring: { kind: 'byValue', weight: 1, points: { true: 1, false: 0 } },
          }),
        ],
      },
    ],
  }
}

type Def = ReturnType<typeof base>
type AnyQuestion = Record<string, unknown>

function errorsOf(mutate: (def: Def) => void): string[] {
  const def = base()
  mutate(def)
  const result = loadQuestionnaire(def, FILE)
  if (result.ok) return []
  return result.errors
}

function q(def: Def, section: number, index: number): AnyQuestion {
  const found = def.sections[section]?.questions[index]
  if (!found) throw new Error(`no question ${section}/${index}`)
  return found as AnyQuestion
}

describe('loadQuestionnaire', () => {
  test('accepts a valid definition', () => {
    const result = loadQuestionnaire(base(), FILE)
    expect(result.ok ? [] : result.errors).toEqual([])
    expect(result.ok && result.definition.sections).toHaveLength(2)
  })

  test('formats JSON paths with indices in brackets', () => {
    expect(formatPath(['sections', 2, 'questions', 4, 'visibleWhen', 'fact'])).toBe(
      'sections[2].questions[4].visibleWhen.fact',
    )
    expect(formatPath([])).toBe('(root)')
  })

  test('rejects a value that is not an object', () => {
    const result = loadQuestionnaire('nope', FILE)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.errors[0]).toMatch(/^questionnaires\/demo\/v1\.json: \(root\): /)
  })

  test('rejects a duplicate question id, naming both places', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 0).id = 'handling.mfaForAllAccess'
    })
    expect(errors).toContain(
      `${FILE}: sections[1].questions[0].id: question id "handling.mfaForAllAccess" is already used at sections[0].questions[0]`,
    )
  })

  test('rejects a duplicate section id', () => {
    const errors = errorsOf((def) => {
      if (def.sections[1]) def.sections[1].id = 'handling'
    })
    expect(errors).toContain(`${FILE}: sections[1].id: section id "handling" is already used by sections[0]`)
  })

  test('rejects an unknown fact in visibleWhen', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 0).visibleWhen = { fact: 'storage.primaryCountry', operator: 'answered' }
    })
    expect(errors).toEqual([
      `${FILE}: sections[1].questions[0].visibleWhen.fact: "storage.primaryCountry" is not a question id, "regimes" or a profile.* fact`,
    ])
  })

  test('rejects a profile fact the contract does not define', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 1).visibleWhen = {
        all: [
          { fact: 'regimes', operator: 'contains', value: 'dfars' },
          { fact: 'profile.flags.secret', operator: 'equal', value: true },
        ],
      }
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^questionnaires\/demo\/v1\.json: sections\[1\]\.questions\[1\]\.visibleWhen\.all\[1\]\.fact: "profile\.flags\.secret" is not a profile fact/,
    )
  })

  test('accepts nested profile facts of the contract', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 1).visibleWhen = {
        any: [
          { fact: 'profile.volumes.usPersonalHealthData', operator: 'gt', value: 10000 },
          { not: { fact: 'profile.dataCategories', operator: 'doesNotContain', value: 'cui' } },
        ],
      }
    })
    expect(errors).toEqual([])
  })

  test('rejects an unknown regime id and an unknown data category', () => {
    const errors = errorsOf((def) => {
      q(def, 0, 2).visibleWhen = {
        any: [
          { fact: 'regimes', operator: 'containsAny', value: ['hipaa', 'hippa'] },
          { fact: 'profile.dataCategories', operator: 'contains', value: 'health' },
        ],
      }
    })
    expect(errors).toEqual([
      `${FILE}: sections[0].questions[2].visibleWhen.any[0].value[1]: "hippa" is not a regime id (hipaa, glba, pci-dss, itar, ear, dfars, doj-dsp, gdpr, pipl, ccpa, sanctions)`,
      `${FILE}: sections[0].questions[2].visibleWhen.any[1].value: "health" is not a data category`,
    ])
  })

  test('rejects a choice value that the referenced question does not offer', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 0).visibleWhen = { fact: 'handling.encryptionAtRest', operator: 'in', value: ['vendor-managed'] }
    })
    expect(errors).toEqual([
      `${FILE}: sections[1].questions[0].visibleWhen.value[0]: "vendor-managed" is not a choice of "handling.encryptionAtRest" (none, provider-managed)`,
    ])
  })

  test('rejects a non-boolean value compared with a yes-no question', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 0).visibleWhen = { fact: 'contract.baa', operator: 'equal', value: 'yes' }
    })
    expect(errors[0]).toMatch(/sections\[1\]\.questions\[0\]\.visibleWhen\.value: "contract\.baa" is a yes-no question/)
  })

  test('rejects visibility on the question itself or on a later question', () => {
    const self = errorsOf((def) => {
      q(def, 0, 1).visibleWhen = { fact: 'handling.encryptionAtRest', operator: 'answered' }
    })
    expect(self).toEqual([
      `${FILE}: sections[0].questions[1].visibleWhen.fact: "handling.encryptionAtRest" refers to the question itself`,
    ])
    const later = errorsOf((def) => {
      q(def, 0, 1).visibleWhen = { fact: 'contract.baaFlowDown', operator: 'equal', value: true }
    })
    expect(later[0]).toMatch(
      /^questionnaires\/demo\/v1\.json: sections\[0\]\.questions\[1\]\.visibleWhen\.fact: "contract\.baaFlowDown" is asked later \(sections\[1\]\.questions\[0\]\)/,
    )
  })

  test('rejects a bad question type', () => {
    const errors = errorsOf((def) => {
      q(def, 0, 0).type = 'checkbox'
    })
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]).toMatch(/^questionnaires\/demo\/v1\.json: sections\[0\]\.questions\[0\]\.type: .*'yes-no'/)
  })

  test('rejects a badly formed question id', () => {
    const errors = errorsOf((def) => {
      q(def, 0, 0).id = 'Handling-MFA'
    })
    expect(errors[0]).toMatch(/sections\[0\]\.questions\[0\]\.id: question ids are dotted camelCase/)
  })

  test('rejects a scored question whose visibility depends on another answer', () => {
    const errors = errorsOf((def) => {
      q(def, 1, 0).scoring = { kind: 'byValue', weight: 1, points: { true: 1, false: 0 } }
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^questionnaires\/demo\/v1\.json: sections\[1\]\.questions\[0\]\.scoring: a scored question may not depend on another answer \(visibility reads "contract\.baa"\)/,
    )
  })

  test('rejects a scored question inside a section whose visibility depends on an answer', () => {
    const errors = errorsOf((def) => {
      ;(def.sections[1] as Record<string, unknown>).visibleWhen = {
        fact: 'handling.mfaForAllAccess',
        operator: 'equal',
        value: true,
      }
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /sections\[1\]\.questions\[1\]\.scoring: a scored question may not depend on another answer/,
    )
  })

  test('allows scoring with visibility on regimes or the profile', () => {
    const errors = errorsOf((def) => {
      q(def, 0, 2).scoring = { kind: 'byValue', weight: 1, points: { true: 1, false: 0 } }
    })
    expect(errors).toEqual([])
  })

  test('rejects scoring that does not fit the question type or names unknown values', () => {
    const errors = errorsOf((def) => {
      q(def, 0, 1).scoring = { kind: 'byValue', weight: 1, points: { none: 0, 'customer-managed-keys': 1 } }
      q(def, 0, 0).scoring = { kind: 'bands', weight: 1, bands: [{ lte: 24, points: 1 }] }
    })
    expect(errors).toEqual([
      `${FILE}: sections[0].questions[0].scoring.kind: scoring "bands" does not fit a yes-no question (use byValue)`,
      `${FILE}: sections[0].questions[1].scoring.points.customer-managed-keys: "customer-managed-keys" is not a value of this question (none, provider-managed)`,
    ])
  })

  test('rejects scoring on a country list', () => {
    const errors = errorsOf((def) => {
      def.sections[0]?.questions.push({
        id: 'storage.primaryCountries',
        type: 'country-list',
        prompt: en('Where?'),
        help: en('Countries.'),
        required: true,
        scoring: { kind: 'byValue', weight: 1, points: { US: 1 } },
      } as never)
    })
    expect(errors).toEqual([`${FILE}: sections[0].questions[3].scoring.kind: a country-list question cannot be scored`])
  })

  test('reports schema errors with their path (e.g. a missing help text)', () => {
    const errors = errorsOf((def) => {
      delete q(def, 1, 1).help
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^questionnaires\/demo\/v1\.json: sections\[1\]\.questions\[1\]\.help: /)
  })
})
