import { z } from 'zod'
import { ConditionSchema } from '../conditions/condition-schema.ts'
import { formatPath, REGIME_IDS } from '../regulations/profile.ts'
import { isIsoDate } from './dates.ts'
import { LeverSchema } from './lever.ts'

/**
 * A regime pack: one regulation's applicability and rules, as data in `questionnaires/regimes/<id>.json`.
 * A rule is a `finding` (with a severity), a `condition` (a transfer mechanism or a government
 * approval, the contract's only two kinds) or a `limit` (caps the recommended location model).
 * Terms the vendor signs (a BAA, Art. 28 terms) are never conditions: agreeing passes, refusing is a
 * blocker finding.
 *
 * Every rule is dated by law: `effectiveFrom` is the day the rule's requirement took effect and
 * `effectiveUntil` (when it ended) the last day it applied, so an assessment as of an earlier date
 * gives the answer the law gave then. A rule fires when its `when` is true or unknown (an unanswered
 * or "unknown" answer counts as the one that fails it); `onUnknown: "skip"` is allowed only on `info`
 * findings that merely note something good (a carve-out relied on), which an unknown cannot show.
 * A message may name a derived fact as `{derived.<name>}`; the engine writes its value in.
 */

export const SEVERITIES = ['blocker', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]
export const CONDITION_KINDS = ['mechanism', 'approval'] as const
export type ConditionKind = (typeof CONDITION_KINDS)[number]
export const LIMIT_MODELS = ['onshore', 'nearshore'] as const

const DateSchema = z.string().refine(isIsoDate, 'must be a real calendar date, YYYY-MM-DD')

const ruleBase = {
  id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids are "<regime>.<kebab-case>"'),
  citation: z.string().trim().min(1),
  when: ConditionSchema,
  message: z.string().min(1),
  remediation: z.string().min(1),
  questionIds: z.array(z.string().min(1)),
  unverified: z.literal(true).optional(),
  effectiveFrom: DateSchema,
  effectiveUntil: DateSchema.optional(),
}

export const RuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...ruleBase,
      kind: z.literal('finding'),
      severity: z.enum(SEVERITIES),
      onUnknown: z.literal('skip').optional(),
    })
    .strict(),
  z.object({ ...ruleBase, kind: z.literal('condition'), conditionKind: z.enum(CONDITION_KINDS) }).strict(),
  z.object({ ...ruleBase, kind: z.literal('limit'), model: z.enum(LIMIT_MODELS), reason: z.string().min(1) }).strict(),
])
export type Rule = z.infer<typeof RuleSchema>

export const RegimePackSchema = z
  .object({
    id: z.enum(REGIME_IDS),
    name: z.string().min(1),
    jurisdiction: z.string().min(1),
    effectiveDate: DateSchema,
    version: z.string().min(1),
    summary: z.string().min(1),
    appliesWhen: ConditionSchema,
    rules: z.array(RuleSchema).min(1),
    /** The answer and profile changes that may clear this pack's rules ("what would change this", lever.ts). */
    levers: z.array(LeverSchema).default([]),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const seen = new Set<string>()
    pack.rules.forEach((rule, i) => {
      if (!rule.id.startsWith(`${pack.id}.`)) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `must start with "${pack.id}."` })
      }
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'duplicate rule id' })
      if (rule.effectiveUntil !== undefined && rule.effectiveUntil < rule.effectiveFrom) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'effectiveUntil'], message: 'ends before effectiveFrom' })
      }
      if (rule.kind === 'finding' && rule.onUnknown === 'skip' && rule.severity !== 'info') {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'onUnknown'],
          message: 'only an info finding may skip an unknown outcome; anything stronger must fail safe',
        })
      }
      seen.add(rule.id)
      if (rule.unverified && !rule.message.toLowerCase().includes('confirm with counsel')) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'message'],
          message: 'an unverified rule must say "confirm with counsel"',
        })
      }
    })
  })
export type RegimePack = z.infer<typeof RegimePackSchema>

export class RegimePackError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path}: ${reason}`)
    this.name = 'RegimePackError'
  }
}

/** Parses one pack; on failure throws naming the file, the JSON path (`rules[3].severity`) and the reason. */
export function parseRegimePack(file: string, raw: unknown): RegimePack {
  const result = RegimePackSchema.safeParse(raw)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = formatPath('', issue.path).replace(/^\./, '') || '(root)'
  throw new RegimePackError(file, path, issue.message)
}
