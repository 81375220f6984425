import { z } from 'zod'

/**
 * A lever: one answer (or profile) change a regime pack declares as a way out of its findings,
 * conditions and limits, with what it costs. Levers are data in `questionnaires/regimes/<id>.json`
 * (`levers`); the suggestion search ("what would change this", `unlock.ts`) combines at most three
 * of them and keeps a combination only when re-running the assessment shows it works.
 *
 * Two kinds:
 * - an answer lever (`questionId`) changes the vendor's answer to `value`, to a value taken from
 *   the assessment (`valueFrom`: the buyer's home country, or the assessment date), or adds a
 *   current certificate (`addCertificate`). It is the vendor's to make (`by: "vendor"`), unless the
 *   change is the buyer's own choice (`by: "buyer"`, e.g. the buyer holds the keys);
 * - a profile lever (`profileFact`) changes the buyer's regulatory profile: a data category left
 *   out (`without`, e.g. de-identified data instead of PHI) or a volume lowered to `value` (fewer
 *   individuals than a threshold). It is always the buyer's.
 *
 * `improves` says which way a number gets better, so a lever never makes an answer worse ("notify
 * within 72 hours" is not offered to a vendor that already notifies within 24).
 *
 * @example { "questionId": "contract.baa", "value": true, "effort": "contract-term",
 *            "label": "sign a business associate agreement" }
 */

/** What a change costs, cheapest first: the suggestion order (DECISIONS.md). */
export const LEVER_EFFORTS = ['contract-term', 'process', 'certification', 'relocation'] as const
export type LeverEffort = (typeof LEVER_EFFORTS)[number]
export const LEVER_PARTIES = ['vendor', 'buyer'] as const
export type LeverParty = (typeof LEVER_PARTIES)[number]

const JsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema)]),
)

const common = {
  /** Plain words completing "… would change this if the vendor/you …": "sign a BAA". */
  label: z.string().trim().min(3),
  effort: z.enum(LEVER_EFFORTS),
  improves: z.enum(['lower', 'higher']).optional(),
}

export const AnswerLeverSchema = z
  .object({
    ...common,
    questionId: z.string().regex(/^[a-z][A-Za-z0-9]*\.[A-Za-z0-9]+$/, 'a question id such as "contract.baa"'),
    by: z.enum(LEVER_PARTIES).default('vendor'),
    value: JsonValueSchema.optional(),
    valueFrom: z.enum(['homeCountry', 'asOf']).optional(),
    addCertificate: z
      .object({
        type: z.string().min(1),
        assessor: z.enum(['self', 'c3pao', 'dibcac']).optional(),
        status: z.enum(['final', 'conditional']).optional(),
        edition: z.enum(['2013', '2022']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((lever, ctx) => {
    const given = [lever.value !== undefined, lever.valueFrom !== undefined, lever.addCertificate !== undefined]
    if (given.filter(Boolean).length !== 1)
      ctx.addIssue({ code: 'custom', message: 'give exactly one of value, valueFrom, addCertificate' })
    if (lever.addCertificate && lever.questionId !== 'certifications.held')
      ctx.addIssue({ code: 'custom', path: ['addCertificate'], message: 'only for certifications.held' })
  })

export const ProfileLeverSchema = z
  .object({
    ...common,
    profileFact: z
      .string()
      .regex(/^profile\.(dataCategories|volumes\.[A-Za-z]+)$/, 'profile.dataCategories or a volume'),
    /** A data category the buyer could leave out. */
    without: z.string().min(1).optional(),
    /** A volume the buyer could stay at or under. */
    value: z.number().int().min(0).optional(),
    citation: z.string().trim().min(3),
  })
  .strict()
  .superRefine((lever, ctx) => {
    const categories = lever.profileFact === 'profile.dataCategories'
    if (categories !== (lever.without !== undefined) || categories === (lever.value !== undefined))
      ctx.addIssue({ code: 'custom', message: 'profile.dataCategories takes "without"; a volume takes "value"' })
  })

export const LeverSchema = z.union([AnswerLeverSchema, ProfileLeverSchema])
export type AnswerLever = z.infer<typeof AnswerLeverSchema>
export type ProfileLever = z.infer<typeof ProfileLeverSchema>
export type Lever = z.infer<typeof LeverSchema>

export function isProfileLever(lever: Lever): lever is ProfileLever {
  return 'profileFact' in lever
}

/** Whose change a lever is. */
export function leverParty(lever: Lever): LeverParty {
  return isProfileLever(lever) ? 'buyer' : lever.by
}
