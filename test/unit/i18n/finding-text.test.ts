import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { findingText } from '#app/i18n/finding-text.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import es from '#questionnaires/regimes/i18n/es.json'
import zh from '#questionnaires/regimes/i18n/zh.json'

const rule = (id: string) => regimePacks.flatMap((p) => p.rules).find((r) => r.id === id)!
const english = (id: string) => ({ message: rule(id).message, remediation: rule(id).remediation })

describe('findingText: a finding in the vendor’s language (README decision 88)', () => {
  test('a rule’s message and remediation come back in Spanish and Chinese, English stays English', () => {
    const baa = english('hipaa.baa-required')
    expect(findingText('hipaa.baa-required', 'es', baa)).toEqual(es['hipaa.baa-required'])
    expect(findingText('hipaa.baa-required', 'es', baa).message).toContain('BAA')
    expect(findingText('hipaa.baa-required', 'zh', baa)).toEqual(zh['hipaa.baa-required'])
    expect(findingText('hipaa.baa-required', 'en', baa)).toEqual(baa)
  })

  test('the values the engine wrote into the message are kept in the translation', () => {
    const id = 'sanctions.comprehensively-sanctioned-country'
    const filled = {
      message: rule(id).message.replace('{derived.sanctionedCountries}', 'CU, IR'),
      remediation: rule(id).remediation,
    }
    const text = findingText(id, 'es', filled)
    expect(text.message).toContain('(CU, IR)')
    expect(text.message).not.toContain('{derived.')
    expect(text.message).toMatch(/^Su empresa indica un país sometido a sanciones integrales/)
    expect(findingText(id, 'zh', filled).message).toContain('（CU, IR）')
  })

  test('a finding that fired on a missing answer is told in the vendor’s language, with the rule’s remediation', () => {
    const id = 'hipaa.baa-required'
    const r = rule(id)
    const missing = {
      message: `This requirement (${r.citation}) cannot be confirmed without the vendor's answer, so it counts as not met. Shoreline assumes the answer that fails this until it has one (not answered: “Will you sign a BAA?” (contract.baa)).`,
      remediation: `Ask the vendor to answer contract.baa. What the answers must show: ${r.remediation}`,
    }
    const text = findingText(id, 'es', missing)
    expect(text.message).toContain(`Este requisito (${r.citation}) no se puede confirmar sin su respuesta`)
    expect(text.remediation).toBe(`Lo que deben mostrar sus respuestas: ${es[id].remediation}`)
    expect(findingText(id, 'zh', missing).remediation).toBe(`您的回答需要表明： ${zh[id].remediation}`)
  })

  test('the engine’s own missing-answer wording is recognised (so the translation follows the engine)', () => {
    const { assessment } = assess({
      answers: {},
      profile: {
        homeCountry: 'US',
        industry: 'healthcare',
        dataCategories: ['phi'],
        volumes: {},
        flags: {},
        purposes: [],
      } as never,
      questionnaire: coreQuestionnaire,
      regimes: regimePacks,
      asOf: '2026-12-03',
    })
    const finding = assessment.findings.find((f) => f.ruleId === 'hipaa.baa-required')
    expect(finding?.missingAnswers).toContain('contract.baa')
    expect(findingText('hipaa.baa-required', 'es', finding!).message).toMatch(/^Este requisito/)
  })

  test('English comes back for a text the rule no longer says, an unknown rule, or a finding of the engine’s own', () => {
    const stale = {
      message: 'An older wording of the BAA finding.',
      remediation: rule('hipaa.baa-required').remediation,
    }
    expect(findingText('hipaa.baa-required', 'es', stale)).toEqual(stale)
    const other = { message: 'Something', remediation: 'Do it' }
    expect(findingText('certificates.iso27001-edition', 'zh', other)).toEqual(other)
    expect(findingText('no.such-rule', 'es', other)).toEqual(other)
  })
})
