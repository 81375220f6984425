import { describe, expect, it } from 'vitest'
import { DERIVED_FACT_NAMES } from '#app/assessment/derived-facts.ts'
import { parseRegimePack, RegimePackError } from '#app/assessment/regime-pack.ts'
import { type Condition, type FactCondition, factsOf } from '#app/conditions/condition.ts'
import { questionsById } from '#app/questionnaire/answers.ts'
import { REGIME_IDS } from '#app/regulations/profile.ts'
import { coreQuestionnaire, REGIME_FILES, regimePacks } from '#questionnaires/index.ts'
import hipaa from '#questionnaires/regimes/hipaa.json'

const PROFILE_FACTS = [
  'profile.homeCountry',
  'profile.industry',
  'profile.dataCategories',
  'profile.purposes',
  'profile.volumes.cnPersonalInformationIndividuals',
  'profile.volumes.cnSensitivePersonalInformationIndividuals',
  'profile.volumes.usPersonalHealthData',
  'profile.volumes.usPersonalFinancialData',
  'profile.volumes.usCoveredPersonalIdentifiers',
  'profile.volumes.usBiometricIdentifiers',
  'profile.volumes.usPreciseGeolocationDevices',
  'profile.volumes.usHumanGenomicData',
  'profile.flags.criticalInformationInfrastructureOperator',
  'profile.flags.dodContractor',
  'profile.flags.cmmcLevel',
  'profile.flags.usGovernmentRelatedData',
]
const questionIds = questionsById(coreQuestionnaire)
const knownFact = (fact: string) =>
  PROFILE_FACTS.includes(fact) ||
  fact === 'regimes' ||
  questionIds.has(fact) ||
  (fact.startsWith('derived.') && (DERIVED_FACT_NAMES as readonly string[]).includes(fact.slice(8)))

const allRules = regimePacks.flatMap((pack) => pack.rules.map((rule) => ({ pack: pack.id, rule })))

describe('regime packs', () => {
  it('has exactly one pack per contract regime id, sorted', () => {
    expect(regimePacks.map((pack) => pack.id)).toEqual([...REGIME_IDS].sort())
    expect(Object.keys(REGIME_FILES)).toHaveLength(10)
  })

  it('every file validates', () => {
    for (const [file, raw] of Object.entries(REGIME_FILES)) expect(() => parseRegimePack(file, raw)).not.toThrow()
  })

  it('rule ids are unique across all packs and prefixed by their regime', () => {
    const ids = allRules.map(({ rule }) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { pack, rule } of allRules) expect(rule.id.startsWith(`${pack}.`)).toBe(true)
  })

  it('applicability reads profile facts only', () => {
    for (const pack of regimePacks) {
      for (const fact of factsOf(pack.appliesWhen)) expect(PROFILE_FACTS, `${pack.id}: ${fact}`).toContain(fact)
    }
  })

  it('every rule condition reads a question id, a profile fact, regimes or a known derived fact', () => {
    for (const { rule } of allRules) {
      for (const fact of factsOf(rule.when)) expect(knownFact(fact), `${rule.id} reads unknown fact ${fact}`).toBe(true)
    }
  })

  it('every rule cites, and its questionIds exist in the questionnaire', () => {
    for (const { rule } of allRules) {
      expect(rule.citation.trim().length, rule.id).toBeGreaterThan(3)
      for (const id of rule.questionIds) expect(questionIds.has(id), `${rule.id}: ${id}`).toBe(true)
    }
  })

  it('unverified rules say "confirm with counsel"', () => {
    const unverified = allRules.filter(({ rule }) => rule.unverified)
    expect(unverified.length).toBeGreaterThan(0)
    for (const { rule } of unverified) expect(rule.message.toLowerCase()).toContain('confirm with counsel')
  })

  it('a blocker, condition or limit reads a non-canonical answer only as an explicit yes or no (never fires on silence)', () => {
    const canonical = new Set([
      'company.hqCountry',
      'company.incorporationCountry',
      'company.majorityOwnerCountry',
      'storage.primaryCountries',
      'storage.backupCountries',
      'access.personnelCountries',
      'access.subprocessorCountries',
      'access.nonUsPersonsAccess',
      'handling.encryptionAtRest',
      'handling.encryptionInTransit',
      'handling.endToEndEncryption',
      'handling.fips140Validated',
      'handling.mfaForAllAccess',
      'destruction.method',
      'destruction.certificateProvided',
      'destruction.daysAfterTermination',
      'destruction.backupPurgeDays',
      'certifications.held',
      'incident.notificationHours',
      'contract.baa',
      'contract.gdprDpa',
      'contract.gdprScc',
      'contract.dpfCertified',
      'contract.cacStandardContract',
      'contract.cisaSecurityRequirements',
      'contract.ccpaServiceProviderTerms',
      'dod.nist800171Implemented',
      'dod.sprsScore',
      'dod.fedrampModerateEquivalent',
    ])
    // Contract examples answer only canonical ids, and an unanswered question counts as "no". A
    // strong rule may still read an extra id when it fires only on an explicit answer (yes or no).
    const leaves = (condition: Condition, negated = false): Array<{ leaf: FactCondition; negated: boolean }> => {
      if ('all' in condition) return condition.all.flatMap((c) => leaves(c, negated))
      if ('any' in condition) return condition.any.flatMap((c) => leaves(c, negated))
      if ('not' in condition) return leaves(condition.not, !negated)
      return [{ leaf: condition, negated }]
    }
    for (const { rule } of allRules) {
      const strong = rule.kind !== 'finding' || rule.severity === 'blocker'
      if (!strong) continue
      for (const { leaf, negated } of leaves(rule.when)) {
        if (!questionIds.has(leaf.fact) || canonical.has(leaf.fact)) continue
        // A negated "equal true" only suppresses the rule on an explicit yes; it cannot make it fire.
        const explicit = !negated && leaf.operator === 'equal' && typeof leaf.value === 'boolean'
        const suppressesOnYes = negated && leaf.operator === 'equal' && leaf.value === true
        expect(explicit || suppressesOnYes, `${rule.id} rests on ${leaf.fact} without an explicit answer`).toBe(true)
      }
    }
  })

  it('conditions are only mechanisms or approvals, never BAA or Art. 28 terms', () => {
    const conditionFacts = allRules
      .filter(({ rule }) => rule.kind === 'condition')
      .flatMap(({ rule }) => factsOf(rule.when))
    expect(conditionFacts).not.toContain('contract.baa')
    expect(conditionFacts).not.toContain('contract.gdprDpa')
  })
})

describe('malformed regime packs', () => {
  const broken = (mutate: (pack: typeof hipaa) => unknown) => mutate(structuredClone(hipaa))

  it('names the file, the JSON path and the reason', () => {
    const raw = broken((pack) => {
      ;(pack.rules[2] as Record<string, unknown>).severity = 'catastrophic'
      return pack
    })
    let error: unknown
    try {
      parseRegimePack('questionnaires/regimes/hipaa.json', raw)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RegimePackError)
    expect((error as RegimePackError).message).toMatch(/^questionnaires\/regimes\/hipaa\.json: rules\[2\]\.severity: /)
  })

  it('rejects an unverified rule that does not say "confirm with counsel"', () => {
    const raw = broken((pack) => {
      ;(pack.rules[0] as Record<string, unknown>).unverified = true
      return pack
    })
    expect(() => parseRegimePack('hipaa.json', raw)).toThrow(
      'hipaa.json: rules[0].message: an unverified rule must say',
    )
  })

  it('rejects duplicate ids, foreign prefixes, string expressions and missing citations', () => {
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          pack.rules[1]!.id = pack.rules[0]!.id
          return pack
        }),
      ),
    ).toThrow('x.json: rules[1].id: duplicate rule id')
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          pack.rules[0]!.id = 'gdpr.baa'
          return pack
        }),
      ),
    ).toThrow('x.json: rules[0].id: must start with "hipaa."')
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          ;(pack.rules[0] as Record<string, unknown>).when = 'contract.baa != true'
          return pack
        }),
      ),
    ).toThrow(/^x\.json: rules\[0\]\.when: /)
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          pack.rules[0]!.citation = ' '
          return pack
        }),
      ),
    ).toThrow(/^x\.json: rules\[0\]\.citation: /)
  })

  it('rejects an unknown regime id at the root', () => {
    expect(() => parseRegimePack('x.json', { ...hipaa, id: 'sox' })).toThrow(/^x\.json: id: /)
  })
})

// Keeps the Condition import honest: the packs are data, every `when` is a plain object.
it('rules are plain data', () => {
  for (const { rule } of allRules) expect(JSON.parse(JSON.stringify(rule.when)) as Condition).toEqual(rule.when)
})
