import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'
import { translations } from '@zxcvbn-ts/language-en'
import { z } from 'zod'
import { EmailSchema } from './auth.ts'

/**
 * The password rule for every new password (sign-up, joining a team, change, reset): at least 12
 * characters and a zxcvbn score of 3 or more (DECISIONS.md "Numbers"), judged with zxcvbn-ts and
 * its common-password list and keyboard patterns. Client-safe: the same schema runs in the browser
 * (react-hook-form) and in the route's action, so the person reads why a password is refused before
 * anything is sent, and a plain POST without JavaScript gets the same message. Only the pages with
 * a new-password field load this module (and its ~400 kB word list).
 */
export const MIN_PASSWORD_LENGTH = 12
export const MIN_PASSWORD_SCORE = 3
export const MAX_PASSWORD_LENGTH = 200

/**
 * Words of this product and its trade that an attacker would try first (ASVS 6.1.2, 6.2.11): they
 * count as easy to guess in every password, like the person's own email, name and organisation.
 */
export const CONTEXT_WORDS = [
  'shoreline',
  'shoreline-demo',
  'vendor',
  'vendors',
  'due diligence',
  'questionnaire',
  'offshore',
  'nearshore',
  'onshore',
  'outsourcing',
  'compliance',
]

/** The hint under every new-password field. */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: a few uncommon words work well.`

let estimator: ZxcvbnFactory | undefined
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations })
  return estimator
}

/**
 * Why a password is refused, in words for the person choosing it, or undefined when it is fine.
 * `userInputs` (their email, name, organisation) count as easy to guess.
 *
 * @example passwordProblem('1234567890ab') // 'This password is too easy to guess. …'
 * @example passwordProblem('tidal quartz lantern 41') // undefined
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters`
  const inputs = [...CONTEXT_WORDS, ...userInputs]
    .flatMap((input) => [input, ...input.split(/[^\p{L}\p{N}]+/u)])
    .filter((word) => word.length > 2)
  const result = zxcvbn().check(password, inputs)
  if (result.score >= MIN_PASSWORD_SCORE) return undefined
  const { warning, suggestions } = result.feedback
  return ['This password is too easy to guess.', warning, suggestions[0] ?? 'Add a few more uncommon words.']
    .filter(Boolean)
    .join(' ')
}

/** A new password on its own (no personal data to compare it with). */
export const NewPasswordSchema = z.string({ error: 'Choose a password' }).superRefine((value, ctx) => {
  const problem = passwordProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

const NameSchema = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'Use at most 120 characters')

const SignupFieldsSchema = z.object({
  organisationName: z
    .string({ error: 'Enter your organisation’s name' })
    .trim()
    .min(2, 'Enter your organisation’s name')
    .max(120, 'Use at most 120 characters'),
  name: NameSchema,
  email: EmailSchema,
  password: z.string({ error: 'Choose a password' }),
})

/** Sign-up: the password may not be built from the person's own email, name or organisation. */
export const SignupSchema = SignupFieldsSchema.superRefine((input, ctx) => {
  const problem = passwordProblem(input.password, [input.email, input.name, input.organisationName])
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
})
export type SignupInput = z.infer<typeof SignupSchema>

export const JoinNewAccountSchema = z.object({ name: NameSchema, password: NewPasswordSchema })

/** Change of password while signed in: the current one proves it is the account's owner. */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(200),
  password: NewPasswordSchema,
})
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>

/** The new password chosen from a reset link. */
export const ResetPasswordSchema = z.object({ password: NewPasswordSchema })
