import { describe, expect, it } from 'vitest'
import { assess, ruleInputs } from '#app/assessment/engine.ts'
import { isProfileLever, type Lever, LeverSchema } from '#app/assessment/lever.ts'
import { parseRegimePack, RegimePackError } from '#app/assessment/regime-pack.ts'
import { factsOf } from '#app/conditions/condition.ts'
import { questionsById, validateAnswers } from '#app/questionnaire/answers.ts'
import { DATA_CATEGORIES, parseProfile, VolumesSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, REGIME_FILES, regimePacks } from '#questionnaires/index.ts'

// The levers of the regime packs ("what would change this"): data the suggestion search trusts, so
// each is checked against the questionnaire, the profile schema and the pack's own rules.

const questions = questionsById(coreQuestionnaire)
const levers = regimePacks.flatMap((pack) => pack.levers.map((lever) => ({ pack, lever: lever as Lever })))

describe('regime pack levers', () => {
  it('every pack declares levers, and they validate', () => {
    for (const pack of regimePacks) expect(pack.levers.length, pack.id).toBeGreaterThan(0)
    for (const raw of Object.values(REGIME_FILES)) {
      for (const lever of (raw as { levers: unknown[] }).levers) expect(LeverSchema.safeParse(lever).success).toBe(true)
    }
  })

  it('a bad lever is refused at load, naming its file and JSON path', () => {
    const raw = REGIME_FILES['questionnaires/regimes/hipaa.json'] as object
    const bad = { ...raw, levers: [{ questionId: 'contract.baa', value: true, effort: 'soon', label: 'sign it' }] }
    expect(() => parseRegimePack('hipaa.json', bad)).toThrow(RegimePackError)
    expect(() => parseRegimePack('hipaa.json', bad)).toThrow(/^hipaa\.json: levers\[0\]/)
  })

  it('answer levers name a question of the newest questionnaire, with a value it accepts', () => {
    for (const { pack, lever } of levers) {
      if (isProfileLever(lever)) continue
      const question = questions.get(lever.questionId)
      expect(question, `${pack.id}: ${lever.questionId}`).toBeDefined()
      if (lever.value !== undefined) {
        const { issues } = validateAnswers(coreQuestionnaire, { [lever.questionId]: lever.value })
        expect(issues, `${pack.id}: ${lever.questionId}`).toEqual([])
      }
      if (lever.addCertificate) {
        const types = question?.type === 'certification-list' ? question.certificationTypes.map((t) => t.value) : []
        expect(types, `${pack.id}: ${lever.addCertificate.type}`).toContain(lever.addCertificate.type)
      }
      if (lever.valueFrom === 'homeCountry') expect(['country', 'country-list']).toContain(question?.type)
      if (lever.improves) expect(question?.type).toBe('integer')
    }
  })

  it('a lever changes something its own pack reads', () => {
    for (const { pack, lever } of levers) {
      const read = isProfileLever(lever)
        ? [...factsOf(pack.appliesWhen), ...pack.rules.flatMap((rule) => factsOf(rule.when))]
        : pack.rules.flatMap((rule) => ruleInputs(rule))
      const fact = isProfileLever(lever) ? lever.profileFact : lever.questionId
      // China's volume thresholds are read through derived facts (derived-facts.ts), not a rule's own leaf.
      if (fact.startsWith('profile.volumes.cn')) continue
      expect(read, `${pack.id}: ${fact}`).toContain(fact)
    }
  })

  it('profile levers name a data category or a volume of the profile', () => {
    const volumes = Object.keys(VolumesSchema.shape)
    for (const { lever } of levers) {
      if (!isProfileLever(lever)) continue
      if (lever.without !== undefined) expect(DATA_CATEGORIES).toContain(lever.without)
      else expect(volumes).toContain(lever.profileFact.replace('profile.volumes.', ''))
    }
  })

  it("volume levers sit exactly at the pack's threshold: one more individual and the regime's duty is back", () => {
    // The engine decides: the lever's value clears the duty it names, the next number brings it back.
    const assessWith = (volumes: Record<string, number>, dataCategories: string[], homeCountry: string) => {
      const profile = parseProfile({ homeCountry, industry: 'other', dataCategories, volumes }).profile!
      return assess({
        profile,
        questionnaire: coreQuestionnaire,
        answers: {},
        regimes: regimePacks,
        asOf: '2026-12-02',
      }).assessment
    }
    const checked: string[] = []
    for (const { pack, lever } of levers) {
      if (!isProfileLever(lever) || lever.value === undefined) continue
      const volume = lever.profileFact.replace('profile.volumes.', '')
      if (pack.id === 'doj-dsp') {
        const at = assessWith({ [volume]: lever.value }, ['us-sensitive-personal-data'], 'US')
        const over = assessWith({ [volume]: lever.value + 1 }, ['us-sensitive-personal-data'], 'US')
        expect(at.applicableRegimes, volume).not.toContain('doj-dsp')
        expect(over.applicableRegimes, volume).toContain('doj-dsp')
      } else {
        const category = volume.includes('Sensitive') ? 'cn-sensitive-personal-information' : 'cn-personal-information'
        const at = assessWith({ [volume]: lever.value }, [category], 'CN')
        const over = assessWith({ [volume]: lever.value + 1 }, [category], 'CN')
        const duties = (a: typeof at) => [...a.conditions.map((c) => c.id), ...a.findings.map((f) => f.ruleId)]
        // Each threshold step takes away a duty (the security assessment, or the contract/certification).
        expect(
          duties(over).filter((id) => !duties(at).includes(id)).length,
          `${volume} ${lever.value}`,
        ).toBeGreaterThan(0)
      }
      checked.push(`${volume}:${lever.value}`)
    }
    expect(checked.length).toBeGreaterThanOrEqual(10)
  })
})
