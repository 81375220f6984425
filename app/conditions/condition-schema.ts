import { z } from 'zod'
import { type Condition, type ConditionValue, OPERATORS, type Operator } from './condition.ts'

/**
 * The condition language's zod schemas, for reading questionnaire and regime-pack files
 * (definition.ts, regime-pack.ts). Kept apart from condition.ts, which only evaluates: pages that
 * evaluate conditions in the browser (the vendor's section) then build no schema to do so.
 */

export const JsonScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const ConditionValueSchema: z.ZodType<ConditionValue> = z.union([JsonScalarSchema, z.array(JsonScalarSchema)])
export const FactConditionSchema = z
  .object({
    fact: z.string().min(1),
    operator: z.enum(OPERATORS),
    value: ConditionValueSchema.optional(),
  })
  .strict()
  .superRefine((leaf, ctx) => {
    const arrayOps: Operator[] = ['in', 'notIn', 'containsAny', 'containsNone', 'allIn']
    const numberOps: Operator[] = ['gt', 'gte', 'lt', 'lte']
    if (arrayOps.includes(leaf.operator) && !Array.isArray(leaf.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${leaf.operator}" needs an array value` })
    }
    if (numberOps.includes(leaf.operator) && typeof leaf.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${leaf.operator}" needs a number value` })
    }
    if (
      !['answered', 'notAnswered'].includes(leaf.operator) &&
      !arrayOps.includes(leaf.operator) &&
      leaf.value === undefined
    ) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${leaf.operator}" needs a value` })
    }
  })

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    FactConditionSchema,
  ]),
) as z.ZodType<Condition>
