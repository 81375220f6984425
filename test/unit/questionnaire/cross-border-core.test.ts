import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { evaluateCondition } from '#app/conditions/condition.ts'
import type { Question } from '#app/questionnaire/definition.ts'
import { loadQuestionnaire, questionsOf, REGIME_IDS } from '#app/questionnaire/load.ts'

const FILE = 'questionnaires/cross-border-core/v1.json'
const raw: unknown = JSON.parse(
  readFileSync(new URL('../../../questionnaires/cross-border-core/v1.json', import.meta.url), 'utf8'),
)
const result = loadQuestionnaire(raw, FILE)
if (!result.ok) throw new Error(`the shipped questionnaire does not load:\n${result.errors.join('\n')}`)
const definition = result.definition
const questions = questionsOf(definition)
const byId = new Map(questions.map((q) => [q.id, q]))

function question(id: string): Question {
  const found = byId.get(id)
  if (!found) throw new Error(`missing question ${id}`)
  return found
}

// The canonical floor of ../shared/contract/assessment.md, copied by hand on purpose: if either side
// changes, this table has to be changed deliberately.
const CONTRACT: Record<string, { type: Question['type']; values?: string[] }> = {
  'company.hqCountry': { type: 'country' },
  'company.incorporationCountry': { type: 'country' },
  'company.majorityOwnerCountry': { type: 'country' },
  'storage.primaryCountries': { type: 'country-list' },
  'storage.backupCountries': { type: 'country-list' },
  'access.personnelCountries': { type: 'country-list' },
  'access.subprocessorCountries': { type: 'country-list' },
  'access.nonUsPersonsAccess': { type: 'single-choice', values: ['yes', 'no', 'unknown'] },
  'handling.encryptionAtRest': {
    type: 'single-choice',
    values: ['none', 'provider-managed', 'vendor-managed-keys', 'customer-managed-keys'],
  },
  'handling.encryptionInTransit': { type: 'single-choice', values: ['none', 'tls12', 'tls13'] },
  'handling.endToEndEncryption': { type: 'yes-no' },
  'handling.fips140Validated': { type: 'yes-no' },
  'handling.mfaForAllAccess': { type: 'yes-no' },
  'destruction.method': {
    type: 'single-choice',
    values: ['none', 'delete', 'crypto-erase', 'nist-800-88-clear', 'nist-800-88-purge', 'nist-800-88-destroy'],
  },
  'destruction.certificateProvided': { type: 'yes-no' },
  'destruction.daysAfterTermination': { type: 'integer' },
  'destruction.backupPurgeDays': { type: 'integer' },
  'certifications.held': {
    type: 'certification-list',
    values: [
      'iso27001',
      'iso27701',
      'iso27017',
      'iso27018',
      'soc2-type1',
      'soc2-type2',
      'hitrust-r2',
      'pci-dss-aoc',
      'fedramp-moderate',
      'fedramp-high',
      'cmmc-l1',
      'cmmc-l2',
      'cmmc-l3',
      'csa-star-l2',
      'tisax',
      'cyber-essentials-plus',
    ],
  },
  'incident.notificationHours': { type: 'integer' },
  'contract.baa': { type: 'yes-no' },
  'contract.gdprDpa': { type: 'yes-no' },
  'contract.gdprScc': { type: 'yes-no' },
  'contract.dpfCertified': { type: 'yes-no' },
  'contract.cacStandardContract': { type: 'yes-no' },
  'contract.cisaSecurityRequirements': { type: 'yes-no' },
  'contract.ccpaServiceProviderTerms': { type: 'yes-no' },
  'dod.nist800171Implemented': { type: 'yes-no' },
  'dod.sprsScore': { type: 'integer' },
  'dod.fedrampModerateEquivalent': { type: 'yes-no' },
}

const EXTRA_YES_NO = [
  'handling.plaintextAccessRequired',
  'contract.dataBrokerage',
  'contract.pciAcknowledgment',
  'contract.regulatorAccess',
  'access.usPersonsVerified',
  'dod.incidentReporting72h',
]

function valuesOf(q: Question): string[] | undefined {
  if (q.type === 'single-choice' || q.type === 'multiple-choice') return q.choices.map((c) => c.value)
  if (q.type === 'certification-list') return q.certificationTypes.map((c) => c.value)
  return undefined
}

/** Answers that open every answer-dependent follow-up, so only the regime gate decides. */
const OPENING_ANSWERS: Record<string, unknown> = Object.fromEntries([
  ...questions.filter((q) => q.type === 'yes-no').map((q) => [q.id, true]),
  ['dod.cmmcStatus', 'final'],
  ['handling.encryptionAtRest', 'customer-managed-keys'],
  ['certifications.held', [{ type: 'iso27001', issued: '2025-01-01', edition: '2022' }]],
])

function visibleUnder(q: Question, regimes: string[], answers = OPENING_ANSWERS): boolean {
  if (!q.visibleWhen) return true
  return evaluateCondition(q.visibleWhen, (fact) => (fact === 'regimes' ? regimes : answers[fact]))
}

function visibleFor(q: Question) {
  return REGIME_IDS.filter((regime) => visibleUnder(q, [regime]))
}

describe('questionnaires/cross-border-core/v1.json', () => {
  test('validates with the loader and has the expected identity', () => {
    expect(definition.id).toBe('cross-border-core')
    expect(definition.version).toBe(1)
  })

  test('has at least 60 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60)
  })

  test('has the required sections', () => {
    expect(definition.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'company',
        'storage',
        'handling',
        'destruction',
        'certifications',
        'incident',
        'contract',
        'dod',
      ]),
    )
  })

  test.each(Object.entries(CONTRACT))('contract id %s exists with the contract type and values', (id, expected) => {
    const q = question(id)
    expect(q.type).toBe(expected.type)
    if (expected.values) expect([...(valuesOf(q) ?? [])].sort()).toEqual([...expected.values].sort())
  })

  test('company.majorityOwnerCountry is nullable with a label for "no majority owner"', () => {
    const q = question('company.majorityOwnerCountry')
    expect(q.type === 'country' && q.nullable).toBe(true)
    expect(q.type === 'country' && q.nullLabel?.en).toMatch(/50 %/)
  })

  test('integer bounds follow the contract', () => {
    const bounds = (id: string) => {
      const q = question(id)
      if (q.type !== 'integer') throw new Error(`${id} is not an integer question`)
      return { min: q.min, max: q.max }
    }
    expect(bounds('dod.sprsScore')).toEqual({ min: -203, max: 110 })
    expect(bounds('incident.notificationHours').min).toBe(1)
    expect(bounds('destruction.daysAfterTermination').min).toBe(0)
    expect(bounds('destruction.backupPurgeDays').min).toBe(0)
  })

  test.each(EXTRA_YES_NO)('extra id %s exists as a yes-no question', (id) => {
    expect(question(id).type).toBe('yes-no')
  })

  test('every question has a prompt and non-empty help', () => {
    for (const q of questions) {
      expect(q.prompt.en.trim(), q.id).not.toBe('')
      expect(q.help.en.trim().length, q.id).toBeGreaterThan(20)
    }
  })

  test('the BAA is visible only under hipaa', () => {
    expect(visibleFor(question('contract.baa'))).toEqual(['hipaa'])
    expect(
      visibleUnder(
        question('contract.baa'),
        REGIME_IDS.filter((r) => r !== 'hipaa'),
      ),
    ).toBe(false)
    expect(visibleUnder(question('contract.baa'), ['gdpr', 'hipaa'])).toBe(true)
  })

  test('defence questions are visible only under dfars or itar', () => {
    const defence = questions.filter((q) => q.id.startsWith('dod.'))
    expect(defence.length).toBeGreaterThanOrEqual(8)
    for (const q of defence) {
      const regimes = visibleFor(q)
      expect(regimes.length, q.id).toBeGreaterThan(0)
      expect(
        regimes.every((r) => r === 'dfars' || r === 'itar'),
        `${q.id}: ${regimes.join(',')}`,
      ).toBe(true)
      expect(
        visibleUnder(
          q,
          REGIME_IDS.filter((r) => r !== 'dfars' && r !== 'itar'),
        ),
        q.id,
      ).toBe(false)
    }
    expect(visibleFor(question('dod.sprsScore'))).toEqual(['dfars'])
  })

  test.each([
    ['contract.gdprDpa', ['gdpr']],
    ['contract.gdprScc', ['gdpr']],
    ['contract.dpfCertified', ['gdpr']],
    ['contract.cacStandardContract', ['pipl']],
    ['contract.cisaSecurityRequirements', ['doj-dsp']],
    ['contract.ccpaServiceProviderTerms', ['ccpa']],
    ['contract.pciAcknowledgment', ['pci-dss']],
    ['contract.regulatorAccess', ['glba']],
    ['access.usPersonsVerified', ['itar', 'ear']],
    ['dod.incidentReporting72h', ['dfars']],
  ])('%s is visible under exactly %j', (id, regimes) => {
    expect([...visibleFor(question(id))].sort()).toEqual([...regimes].sort())
  })

  test('contract.dataBrokerage is visible under doj-dsp', () => {
    expect(visibleFor(question('contract.dataBrokerage'))).toContain('doj-dsp')
  })

  test('a follow-up appears only when its trigger is answered yes', () => {
    const baaFlowDown = question('contract.baaSubcontractorFlowDown')
    expect(visibleUnder(baaFlowDown, ['hipaa'], { 'contract.baa': true })).toBe(true)
    expect(visibleUnder(baaFlowDown, ['hipaa'], { 'contract.baa': false })).toBe(false)
    expect(visibleUnder(baaFlowDown, ['hipaa'], {})).toBe(false)
    const subCountries = question('access.subprocessorCountries')
    expect(visibleUnder(subCountries, [], { 'storage.usesSubprocessors': true })).toBe(true)
    expect(visibleUnder(subCountries, [], { 'storage.usesSubprocessors': false })).toBe(false)
  })

  test('scoring orders encryption, destruction and notification as the brief says', () => {
    const points = (id: string) => {
      const s = question(id).scoring
      if (s?.kind !== 'byValue') throw new Error(`${id} is not scored by value`)
      return (v: string) => s.points[v] ?? 0
    }
    const rest = points('handling.encryptionAtRest')
    expect(rest('none')).toBe(0)
    expect(rest('none')).toBeLessThan(rest('provider-managed'))
    expect(rest('provider-managed')).toBeLessThan(rest('vendor-managed-keys'))
    expect(rest('vendor-managed-keys')).toBeLessThan(rest('customer-managed-keys'))
    expect(rest('customer-managed-keys')).toBe(1)
    const transit = points('handling.encryptionInTransit')
    expect([transit('none'), transit('tls12'), transit('tls13')]).toEqual([0, expect.any(Number), 1])
    expect(transit('tls12')).toBeGreaterThan(0)
    expect(transit('tls12')).toBeLessThan(1)
    const method = points('destruction.method')
    expect(method('none')).toBe(0)
    expect(method('delete')).toBe(0)
    expect(method('nist-800-88-clear')).toBeGreaterThan(0)
    expect(method('crypto-erase')).toBe(method('nist-800-88-purge'))
    expect(method('nist-800-88-purge')).toBeGreaterThan(method('nist-800-88-clear'))
    expect(method('nist-800-88-destroy')).toBe(1)
    expect(method('nist-800-88-destroy')).toBeGreaterThan(method('nist-800-88-purge'))
    for (const id of ['handling.mfaForAllAccess', 'handling.fips140Validated', 'destruction.certificateProvided']) {
      expect([points(id)('true'), points(id)('false')], id).toEqual([1, 0])
    }
  })

  test('band scoring is monotone in the right direction', () => {
    const bandPoints = (id: string) => {
      const s = question(id).scoring
      if (s?.kind !== 'bands') throw new Error(`${id} is not scored by bands`)
      return (n: number) =>
        s.bands.find((b) => (b.gte === undefined || n >= b.gte) && (b.lte === undefined || n <= b.lte))?.points ?? 0
    }
    const lowerIsBetter = [
      'incident.notificationHours',
      'destruction.daysAfterTermination',
      'destruction.backupPurgeDays',
    ]
    for (const id of lowerIsBetter) {
      const p = bandPoints(id)
      for (let n = 1; n < 800; n++) expect(p(n + 1), `${id} at ${n}`).toBeLessThanOrEqual(p(n))
    }
    const notify = bandPoints('incident.notificationHours')
    expect([notify(24), notify(48), notify(72), notify(168), notify(169)]).toEqual([1, 0.8, 0.6, 0.3, 0])
    const sprs = bandPoints('dod.sprsScore')
    for (let n = -203; n < 110; n++) expect(sprs(n + 1), `sprs ${n}`).toBeGreaterThanOrEqual(sprs(n))
    expect(sprs(110)).toBe(1)
  })

  test('certifications are scored per contract type', () => {
    const s = question('certifications.held').scoring
    expect(s?.kind).toBe('certifications')
    expect(Object.keys(s?.kind === 'certifications' ? s.points : {}).sort()).toEqual(
      [...(CONTRACT['certifications.held']?.values ?? [])].sort(),
    )
  })

  test('no scoring on country lists, countries, dates, files or free text', () => {
    for (const q of questions) {
      if (['country', 'country-list', 'text', 'date', 'file'].includes(q.type)) expect(q.scoring, q.id).toBeUndefined()
    }
  })

  test('question ids are grouped by a known prefix', () => {
    const prefixes = new Set([
      'company',
      'storage',
      'access',
      'handling',
      'destruction',
      'certifications',
      'incident',
      'contract',
      'dod',
    ])
    for (const q of questions) expect(prefixes.has(q.id.split('.')[0] ?? ''), q.id).toBe(true)
  })
})

describe('questionnaires/cross-border-core/v2.json', () => {
  const v2File = 'questionnaires/cross-border-core/v2.json'
  const v2Raw: unknown = JSON.parse(readFileSync(new URL(`../../../${v2File}`, import.meta.url), 'utf8'))
  const loaded = loadQuestionnaire(v2Raw, v2File)
  if (!loaded.ok) throw new Error(`v2 does not load:\n${loaded.errors.join('\n')}`)
  const v2 = loaded.definition
  const v2Questions = questionsOf(v2)
  const v2ById = new Map(v2Questions.map((q) => [q.id, q]))

  test('v1 is frozen: byte for byte the published file', () => {
    const bytes = readFileSync(new URL('../../../questionnaires/cross-border-core/v1.json', import.meta.url))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      'a2d2c18880a6e23f5ab22ed60ee7a789d0836927d7826e5f507c8f3fbef9eabb',
    )
  })

  test('v2 asks every v1 question, each with the same type and choices (ids keep their meaning)', () => {
    expect(v2.version).toBe(2)
    for (const q of questions) {
      const same = v2ById.get(q.id)
      expect(same, q.id).toBeDefined()
      expect(same?.type, q.id).toBe(q.type)
      expect(valuesOf(same!), q.id).toEqual(valuesOf(q))
    }
  })

  test('v2 adds what contract v1.1 and §21 need, under the regimes that read them', () => {
    const added = v2Questions.filter((q) => !byId.has(q.id)).map((q) => q.id)
    expect(added.sort()).toEqual(['contract.cnPiCertification', 'handling.fipsVersion'])
    expect(v2ById.get('contract.cnPiCertification')?.type).toBe('yes-no')
    expect(visibleUnder(v2ById.get('contract.cnPiCertification')!, ['pipl'])).toBe(true)
    expect(visibleUnder(v2ById.get('contract.cnPiCertification')!, ['hipaa'])).toBe(false)
    const fips = v2ById.get('handling.fipsVersion')!
    expect(fips.type === 'single-choice' && fips.choices.map((c) => c.value)).toEqual(['fips-140-3', 'fips-140-2'])
    expect(visibleUnder(fips, [], { 'handling.fips140Validated': true })).toBe(true)
    expect(visibleUnder(fips, [], { 'handling.fips140Validated': false })).toBe(false)
  })

  test('certificate rows take the CMMC assessor and status in v2 only', () => {
    const held = v2ById.get('certifications.held')!
    expect(held.type === 'certification-list' && held.cmmcDetails).toBe(true)
    const v1Held = question('certifications.held')
    expect(v1Held.type === 'certification-list' && v1Held.cmmcDetails).toBeFalsy()
    expect(held.help.en).toMatch(/C3PAO/)
    expect(held.help.en).toMatch(/FedRAMP Certified/)
  })

  test('an informational mark is a reason, in English, on questions no rule reads', () => {
    const marked = v2Questions.filter((q) => q.informational)
    expect(marked.length).toBeGreaterThan(10)
    for (const q of marked) expect(q.informational!.length, q.id).toBeGreaterThanOrEqual(20)
    expect(v2ById.get('company.legalName')?.informational).toBeDefined()
    expect(v2ById.get('contract.baa')?.informational).toBeUndefined()
  })
})
