import { z } from 'zod'
import { ConditionSchema } from '../conditions/condition-schema.ts'
import { LOCALES, type Locale } from '../i18n/locales.ts'

/**
 * The shape of a questionnaire definition: versioned, declarative data in `questionnaires/`
 * (SurveyJS-like: sections → questions, stable dotted ids, a `type` discriminator). Texts are keyed
 * by locale; English is required, Spanish and Simplified Chinese arrive with the vendor journey.
 * A published version is frozen: a wording change bumps `version`.
 */

export { LOCALES, type Locale }

export const LocalizedTextSchema = z
  .object({ en: z.string().min(1), es: z.string().min(1).optional(), zh: z.string().min(1).optional() })
  .strict()
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

const QuestionIdSchema = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/,
    'question ids are dotted camelCase, e.g. "storage.primaryCountries"',
  )

const ChoiceSchema = z.object({ value: z.string().min(1), label: LocalizedTextSchema }).strict()

/**
 * How an answer earns points, as a share of the question's `weight` (0..1). An unanswered or hidden
 * question earns nothing; a hidden one also does not count towards the maximum.
 */
export const QuestionScoringSchema = z.discriminatedUnion('kind', [
  // single choice or yes/no: points per value ("true"/"false" for yes/no)
  z
    .object({
      kind: z.literal('byValue'),
      weight: z.number().positive(),
      points: z.record(z.string(), z.number().min(0).max(1)),
    })
    .strict(),
  // integer: the first band whose bounds hold gives the points; no band → 0
  z
    .object({
      kind: z.literal('bands'),
      weight: z.number().positive(),
      bands: z
        .array(
          z
            .object({ gte: z.number().optional(), lte: z.number().optional(), points: z.number().min(0).max(1) })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  // multiple choice: sum of the chosen values' points, capped at 1
  z
    .object({
      kind: z.literal('sumOfChoices'),
      weight: z.number().positive(),
      points: z.record(z.string(), z.number().min(0).max(1)),
    })
    .strict(),
  // certification list: sum of the points of the distinct valid (unexpired, fresh) certificate types, capped at 1
  z
    .object({
      kind: z.literal('certifications'),
      weight: z.number().positive(),
      points: z.record(z.string(), z.number().min(0).max(1)),
    })
    .strict(),
])
export type QuestionScoring = z.infer<typeof QuestionScoringSchema>

const baseQuestion = {
  id: QuestionIdSchema,
  prompt: LocalizedTextSchema,
  help: LocalizedTextSchema,
  required: z.boolean(),
  visibleWhen: ConditionSchema.optional(),
  scoring: QuestionScoringSchema.optional(),
  /**
   * Why no regime rule reads this question (for reviewers, not vendors: English only). The
   * coverage check of `npm run questionnaires:check` fails on a question that no rule reads and
   * that carries no such reason (questionnaires/README.md, "Coverage").
   */
  informational: z.string().trim().min(20, 'say why no rule reads this question (20 characters or more)').optional(),
}

export const QuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...baseQuestion, type: z.literal('single-choice'), choices: z.array(ChoiceSchema).min(2) }).strict(),
  z.object({ ...baseQuestion, type: z.literal('multiple-choice'), choices: z.array(ChoiceSchema).min(2) }).strict(),
  // one ISO 3166-1 alpha-2 code; `nullable` lets the vendor answer "none" (stored as null)
  z
    .object({
      ...baseQuestion,
      type: z.literal('country'),
      nullable: z.boolean().optional(),
      nullLabel: LocalizedTextSchema.optional(),
    })
    .strict(),
  z.object({ ...baseQuestion, type: z.literal('country-list') }).strict(),
  // stored as a boolean
  z.object({ ...baseQuestion, type: z.literal('yes-no') }).strict(),
  z
    .object({
      ...baseQuestion,
      type: z.literal('integer'),
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      unit: LocalizedTextSchema.optional(),
    })
    .strict(),
  z.object({ ...baseQuestion, type: z.literal('date') }).strict(),
  z.object({ ...baseQuestion, type: z.literal('text'), maxLength: z.number().int().positive().optional() }).strict(),
  // an array of { type, issued, expires?, edition?, evidenceId? }; `certificationTypes` lists the allowed types;
  // with `cmmcDetails`, CMMC rows also take `assessor` (self | c3pao | dibcac) and `status` (final | conditional)
  z
    .object({
      ...baseQuestion,
      type: z.literal('certification-list'),
      certificationTypes: z.array(ChoiceSchema).min(1),
      cmmcDetails: z.boolean().optional(),
    })
    .strict(),
  // evidence file ids (uploads arrive with the vendor journey)
  z
    .object({
      ...baseQuestion,
      type: z.literal('file'),
      accept: z.array(z.enum(['application/pdf', 'image/png', 'image/jpeg'])).min(1),
    })
    .strict(),
])
export type Question = z.infer<typeof QuestionSchema>

export const SectionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    visibleWhen: ConditionSchema.optional(),
    questions: z.array(QuestionSchema).min(1),
  })
  .strict()
export type Section = z.infer<typeof SectionSchema>

export const QuestionnaireDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'questionnaire ids are kebab-case'),
    version: z.number().int().positive(),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    sections: z.array(SectionSchema).min(1),
  })
  .strict()
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinitionSchema>
