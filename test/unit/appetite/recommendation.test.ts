import { describe, expect, it } from 'vitest'
import { AppetiteFormSchema } from '#app/appetite/appetite-form.ts'
import { buyerAction, buyerActionReason, DEFAULT_POLICY, storedPolicy } from '#app/appetite/policy.ts'
import { raisableRules } from '#app/appetite/raisable-rules.ts'
import {
  buildRecommendation,
  groupPanelVendors,
  type PanelVendor,
  type RecommendationInput,
} from '#app/appetite/recommendation.ts'
import { suggestionViews, vendorLine } from '#app/appetite/vendor-line.ts'
import type { Ceiling, Suggestion } from '#app/assessment/unlock.ts'
import { regimePacks } from '#questionnaires/index.ts'

// The app's side of risk appetite: what "within appetite" means, the one line per vendor, and the
// recommendation panel's choice, on hand-made inputs (the engine's side is unlock.test.ts).

const judged = (
  verdict: 'approve' | 'reject',
  residualRisk: 'low' | 'medium' | 'high' | 'critical',
  rules: string[] = [],
) => ({
  verdict,
  residualRisk,
  findings: rules.map((ruleId) => ({ ruleId })),
})

describe('the risk policy', () => {
  it('turns the verdict and residual risk into what the buyer should do', () => {
    expect(buyerAction(judged('reject', 'critical'), DEFAULT_POLICY)).toBe('not-allowed')
    expect(buyerAction(judged('approve', 'medium'), DEFAULT_POLICY)).toBe('within-appetite')
    expect(buyerAction(judged('approve', 'high'), DEFAULT_POLICY)).toBe('remediate-first')
    expect(buyerAction(judged('approve', 'medium'), { appetite: 'low', blockingRules: [] })).toBe('remediate-first')
    expect(buyerAction(judged('approve', 'high'), { appetite: 'high', blockingRules: [] })).toBe('within-appetite')
    const raised = { appetite: 'high' as const, blockingRules: ['pci-dss.mfa-into-cde'] }
    expect(buyerAction(judged('approve', 'low', ['pci-dss.mfa-into-cde']), raised)).toBe('remediate-first')
    expect(buyerActionReason(judged('approve', 'low', ['pci-dss.mfa-into-cde']), raised)).toBe(
      'This engagement treats pci-dss.mfa-into-cde as a blocker.',
    )
  })

  it('reads a stored policy, a damaged one as the default', () => {
    expect(storedPolicy({ appetite: 'low', blockingRulesJson: '["b.x","a.y","b.x"]' })).toEqual({
      appetite: 'low',
      blockingRules: ['a.y', 'b.x'],
    })
    expect(storedPolicy({ appetite: 'extreme', blockingRulesJson: 'not json' })).toEqual(DEFAULT_POLICY)
  })

  it("the settings form's schema takes the scale and rule-shaped ids, one or many", () => {
    expect(AppetiteFormSchema.parse({ appetite: 'low', blockingRules: 'hipaa.audit-controls' })).toEqual({
      appetite: 'low',
      blockingRules: ['hipaa.audit-controls'],
    })
    expect(AppetiteFormSchema.parse({ appetite: 'high', blockingRules: false }).blockingRules).toEqual([])
    expect(AppetiteFormSchema.safeParse({ appetite: 'critical', blockingRules: [] }).success).toBe(false)
    expect(AppetiteFormSchema.safeParse({ appetite: 'low', blockingRules: ['DROP TABLE'] }).success).toBe(false)
  })

  it('offers every finding rule above info that is not a blocker already, from the packs', () => {
    const rules = raisableRules(regimePacks)
    const ids = rules.map((r) => r.id)
    expect(ids).toContain('pci-dss.mfa-into-cde')
    expect(ids).not.toContain('hipaa.baa-required')
    expect(ids).not.toContain('hipaa.offshore-risk-analysis')
    expect(rules.every((r) => ['high', 'medium', 'low'].includes(r.severity))).toBe(true)
  })
})

describe('the one line per vendor', () => {
  it('says what the law allows, the residual risk and what to do', () => {
    const line = vendorLine({
      verdict: 'approve',
      model: 'offshore',
      residualRisk: 'high',
      action: 'remediate-first',
      reason: "Residual risk high is above this engagement's appetite (medium).",
    })
    expect(line.text).toBe(
      "The law: approve, furthest allowed offshore. Residual risk: high. What to do: remediate first (Residual risk high is above this engagement's appetite (medium)).",
    )
    expect(line.text).not.toMatch(/recommended/i)
  })

  it('an assessment made before risk appetite says it is not judged yet', () => {
    const line = vendorLine({
      verdict: 'approve',
      model: 'nearshore',
      residualRisk: null,
      action: null,
      reason: undefined,
    })
    expect(line.actionLabel).toBe('Not judged yet')
    expect(line.reason).toContain('Re-assess')
  })

  it('shows one set of changes once, with every target it reaches, the vendor first', () => {
    const base = { to: 'approve', changes: [{ questionId: 'contract.baa', value: true }], labels: ['sign a BAA'] }
    const views = suggestionViews([
      {
        ...base,
        target: 'verdict',
        by: 'vendor',
        clears: ['hipaa.baa-required'],
        citations: ['x'],
        effort: 'contract-term',
      },
      {
        ...base,
        target: 'risk',
        to: 'low',
        by: 'vendor',
        clears: ['hipaa.baa-required'],
        citations: ['x'],
        effort: 'contract-term',
      },
      {
        target: 'verdict',
        to: 'approve',
        by: 'buyer',
        changes: [{ profileFact: 'profile.dataCategories', value: [] }],
        labels: ['share de-identified data'],
        clears: ['hipaa.baa-required'],
        citations: ['x'],
        effort: 'process',
      },
    ] satisfies Suggestion[])
    expect(views.map((v) => [v.who, v.outcomes, v.changes])).toEqual([
      [
        'The vendor',
        ['Clears the blockers: the verdict becomes “Approve”', 'Brings it within appetite: residual risk low'],
        ['Sign a BAA'],
      ],
      ['Your own choice', ['Clears the blockers: the verdict becomes “Approve”'], ['Share de-identified data']],
    ])
  })
})

const vendor = (
  company: string,
  locationClass: PanelVendor['locationClass'],
  action: string,
  extra: Partial<PanelVendor> = {},
): PanelVendor & { action: string } => ({
  invitationId: company,
  company,
  score: 80,
  residualRisk: action === 'within-appetite' ? 'low' : 'high',
  verdict: 'approve',
  locationClass,
  conditions: [],
  suggestions: [],
  action,
  ...extra,
})
const riskSuggestion = (labels: string[]): Suggestion => ({
  target: 'risk',
  to: 'low',
  by: 'vendor',
  changes: labels.map((_, i) => ({ questionId: `q.${i}`, value: true })),
  labels,
  clears: ['r.x'],
  citations: ['c'],
  effort: 'process',
})
const ceiling = (model: Ceiling['model'], extra: Partial<Ceiling> = {}): Ceiling => ({
  model,
  failSafeModel: model,
  limits: [],
  lifted: [],
  buyerChoices: [],
  ...extra,
})
const input = (
  vendors: ReturnType<typeof vendor>[],
  extra: Partial<RecommendationInput> = {},
): RecommendationInput => ({
  appetite: 'medium',
  ceiling: ceiling('offshore'),
  ...groupPanelVendors(vendors),
  considered: vendors.length,
  orderNote: 'in the order given',
  ...extra,
})

describe('the recommendation panel', () => {
  it("answers the issue's example: offshore allowed, the best per class, who else would qualify offshore", () => {
    const r = buildRecommendation(
      input([
        vendor('Vendor B', 'nearshore', 'within-appetite', { score: 89 }),
        vendor('Vendor A', 'offshore', 'within-appetite', { score: 82, conditions: ['GDPR: transfer mechanism'] }),
        vendor('Vendor C', 'offshore', 'remediate-first', {
          score: 77,
          suggestions: [riskSuggestion(['hold the encryption keys yourself'])],
        }),
      ]),
    )
    expect(r.headline).toBe('Offshore is allowed for this profile.')
    expect(r.pursue).toBe(
      'Pursue offshore: Vendor A (82/100, low risk) is the best vendor within your appetite (medium) there.',
    )
    expect(r.classes.map((c) => [c.label, c.vendors.map((v) => v.text)])).toEqual([
      ['Best offshore', ['Vendor A: 82/100, low risk; conditions: GDPR: transfer mechanism']],
      ['Best nearshore', ['Vendor B: 89/100, low risk; no conditions']],
      ['Best onshore', []],
    ])
    expect(r.further.map((f) => f.text)).toEqual([
      'Vendor C (offshore, 77/100, high risk) would also qualify offshore if it would: hold the encryption keys yourself.',
    ])
    expect(r.noneFits).toBeUndefined()
  })

  it('follows the order it is given: the first within appetite is the best', () => {
    const a = vendor('First', 'offshore', 'within-appetite', { score: 60 })
    const b = vendor('Second', 'offshore', 'within-appetite', { score: 95 })
    expect(buildRecommendation(input([a, b])).pursue).toContain('Pursue offshore: First')
    expect(buildRecommendation(input([b, a])).pursue).toContain('Pursue offshore: Second')
  })

  it('says when no vendor fits, and who comes closest', () => {
    const r = buildRecommendation(
      input([
        vendor('Far', 'offshore', 'not-allowed'),
        vendor('Near', 'nearshore', 'remediate-first', { suggestions: [riskSuggestion(['sign a BAA'])] }),
      ]),
    )
    expect(r.pursue).toBeUndefined()
    expect(r.noneFits).toBe('No vendor among the 2 considered fits your appetite (medium).')
    expect(r.further.map((f) => f.text)).toEqual([
      'Near (nearshore, 80/100, high risk) would qualify nearshore if it would: sign a BAA.',
    ])
    expect(buildRecommendation(input([])).noneFits).toBe('No assessed vendor to choose from yet.')
  })

  it('never pursues beyond what the law allows the profile, and says what would widen it', () => {
    const r = buildRecommendation(
      input([vendor('Abroad', 'offshore', 'within-appetite'), vendor('Home', 'onshore', 'within-appetite')], {
        ceiling: ceiling('onshore', {
          limits: [
            {
              ruleId: 'pipl.onshore-limit',
              regime: 'pipl',
              model: 'onshore',
              citation: 'CAC Art. 7',
              reason: 'Exports above the thresholds need a CAC security assessment.',
            },
          ],
          buyerChoices: [
            {
              target: 'model',
              to: 'offshore',
              by: 'buyer',
              changes: [{ profileFact: 'profile.volumes.cnPersonalInformationIndividuals', value: 999999 }],
              labels: ['export personal information of fewer than 1,000,000 individuals a year'],
              clears: ['pipl.onshore-limit'],
              citations: ['CAC Art. 7'],
              effort: 'process',
            },
          ],
        }),
      }),
    )
    expect(r.headline).toBe('Onshore only for this profile.')
    expect(r.why).toEqual([
      'Exports above the thresholds need a CAC security assessment. (CAC Art. 7); whatever the vendor does.',
    ])
    expect(r.pursue).toContain('Pursue onshore: Home')
    expect(r.classes[0]).toMatchObject({
      label: 'Best offshore',
      note: 'Beyond what the law allows this profile without a government approval.',
    })
    expect(r.buyerChoices).toEqual([
      'If you would export personal information of fewer than 1,000,000 individuals a year, offshore would be allowed (CAC Art. 7).',
    ])
  })
})
