import { describe, expect, it } from 'vitest'
import { addDays } from '#app/assessment/dates.ts'
import { DERIVED_FACT_NAMES } from '#app/assessment/derived-facts.ts'
import { ruleInputs } from '#app/assessment/engine.ts'
import { parseRegimePack, RegimePackError } from '#app/assessment/regime-pack.ts'
import { RULES_VERSION } from '#app/assessment/version.ts'
import { type Condition, factsOf } from '#app/conditions/condition.ts'
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
  'profile.flags.cmmcAssessment',
  'profile.flags.usGovernmentRelatedData',
  'profile.flags.bankRegulated',
  'profile.flags.dfarsCloudService',
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
    expect(Object.keys(REGIME_FILES)).toHaveLength(11)
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

  it('a blocker, condition or limit rests on the contract v1.1 canonical answers, or on an extra answer listed here with its reason', () => {
    // Since v1.1 every rule fails safe (an unanswered question counts as the failing answer), so a
    // strong rule reading an answer the contract does not name would reject a CLI caller that sent
    // every canonical answer. The few that must are listed, with the law that needs them.
    const canonical = new Set([
      ...'company.hqCountry company.incorporationCountry company.majorityOwnerCountry storage.primaryCountries storage.backupCountries access.personnelCountries access.subprocessorCountries access.nonUsPersonsAccess handling.encryptionAtRest handling.encryptionInTransit handling.endToEndEncryption handling.fips140Validated handling.mfaForAllAccess destruction.method destruction.certificateProvided destruction.daysAfterTermination destruction.backupPurgeDays certifications.held incident.notificationHours contract.baa contract.gdprDpa contract.gdprScc contract.dpfCertified contract.cacStandardContract contract.cisaSecurityRequirements contract.ccpaServiceProviderTerms dod.nist800171Implemented dod.sprsScore dod.fedrampModerateEquivalent'.split(
        ' ',
      ),
      // 1.1
      ...'company.countryOfConcernOwnership company.sanctionsScreening access.countryOfConcernPersonnel handling.plaintextAccessRequired handling.panProtection storage.usesSubprocessors destruction.returnBeforeDeletion certifications.pciAocCoversServices incident.disruptionNotice contract.baaSubcontractorFlowDown contract.ccpaNoCombination contract.cnPiCertification contract.pciAcknowledgment contract.regulatorAccess dod.cmmcStatus dod.cmmcAffirmationDate handling.keyLocationCountries'.split(
        ' ',
      ),
    ])
    const extras: Record<string, string> = {
      'contract.dataBrokerage':
        '28 CFR 202.301: brokerage with a covered person is prohibited, and only the vendor can say it sells data',
      'dod.usDataLocationOnly':
        'DFARS 252.239-7010(b)(3): the location commitment of a DoD cloud service (profile flag dfarsCloudService)',
    }
    const strongInputs = new Set<string>()
    for (const { rule } of allRules) {
      const strong = rule.kind !== 'finding' || rule.severity === 'blocker'
      if (!strong) continue
      for (const id of ruleInputs(rule)) strongInputs.add(id)
    }
    const unlisted = [...strongInputs].filter((id) => !canonical.has(id) && !(id in extras))
    expect(unlisted).toEqual([])
    // And every listed extra is still needed (a stale entry would hide the next one).
    for (const id of Object.keys(extras)) expect(strongInputs.has(id), id).toBe(true)
  })

  it('every rule is dated by law, every pack carries the rules release, and message placeholders name derived facts', () => {
    for (const pack of regimePacks) expect(pack.version, pack.id).toBe(RULES_VERSION)
    for (const { rule } of allRules) {
      expect(rule.effectiveFrom, rule.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (rule.effectiveUntil) expect(rule.effectiveUntil > rule.effectiveFrom, rule.id).toBe(true)
      const text = rule.kind === 'limit' ? `${rule.message} ${rule.reason}` : rule.message
      for (const [, name] of text.matchAll(/\{derived\.([A-Za-z0-9_]+)\}/g)) {
        expect(DERIVED_FACT_NAMES as readonly string[], `${rule.id}: {derived.${name}}`).toContain(name)
      }
    }
  })

  it('rules that succeed one another by date do not overlap', () => {
    const pairs: [string, string][] = [
      ['dfars.cmmc-level-2-self-phase-1', 'dfars.cmmc-level-2-c3pao-phase-2'],
      ['pci-dss.mfa-admin-access', 'pci-dss.mfa-into-cde'],
      ['pipl.no-export-mechanism', 'pipl.no-contract-or-certification'],
      ['pipl.onshore-limit', 'pipl.onshore-limit-amended-csl'],
    ]
    const byId = new Map(allRules.map(({ rule }) => [rule.id, rule]))
    for (const [before, after] of pairs) {
      const a = byId.get(before)!
      const b = byId.get(after)!
      expect(a.effectiveUntil, before).toBeDefined()
      expect(addDays(a.effectiveUntil!, 1), `${before} → ${after}`).toBe(b.effectiveFrom)
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

  it('rejects a rule without a date, one that ends before it starts, and a strong rule that would skip an unknown', () => {
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          delete (pack.rules[0] as Record<string, unknown>).effectiveFrom
          return pack
        }),
      ),
    ).toThrow(/^x\.json: rules\[0\]\.effectiveFrom: /)
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          ;(pack.rules[0] as Record<string, unknown>).effectiveUntil = '2000-01-01'
          return pack
        }),
      ),
    ).toThrow('x.json: rules[0].effectiveUntil: ends before effectiveFrom')
    expect(() =>
      parseRegimePack(
        'x.json',
        broken((pack) => {
          ;(pack.rules[0] as Record<string, unknown>).onUnknown = 'skip'
          return pack
        }),
      ),
    ).toThrow('x.json: rules[0].onUnknown: only an info finding may skip an unknown outcome')
  })

  it('rejects an unknown regime id at the root', () => {
    expect(() => parseRegimePack('x.json', { ...hipaa, id: 'sox' })).toThrow(/^x\.json: id: /)
  })
})

// Keeps the Condition import honest: the packs are data, every `when` is a plain object.
it('rules are plain data', () => {
  for (const { rule } of allRules) expect(JSON.parse(JSON.stringify(rule.when)) as Condition).toEqual(rule.when)
})
