import { z } from 'zod'
import { ROLES } from './roles.ts'

// Roles and permissions live in roles.ts, without zod: the signed-in layout (every buyer page)
// reads them, and must not build every account form's schema to do so (README decision 87).
export {
  AUDITOR_INVITE_ROLES,
  AUDITOR_REFUSAL,
  can,
  PERMISSIONS,
  type Permission,
  ROLE_LABELS,
  ROLES,
  type Role,
} from './roles.ts'

/**
 * Account forms: one zod schema per form, used by react-hook-form in the browser and by the
 * route's action on the server. Client-safe: no server imports here.
 */

export const EmailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'That email address is too long')
  .pipe(z.email('Enter a valid email address, like name@company.com'))
  .transform((value) => value.toLowerCase())

// Forms that choose a new password (sign-up, joining, change, reset) live in password-policy.ts,
// so that only their pages load the password estimator and its word list.

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
  redirectTo: z.string().optional(),
})
export type LoginInput = z.infer<typeof LoginSchema>

export const InviteTeammateSchema = z.object({
  email: EmailSchema,
  role: z.enum(ROLES, { error: 'Choose a role' }),
})
export type InviteTeammateInput = z.infer<typeof InviteTeammateSchema>

export const JoinExistingAccountSchema = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
})

/** "Forgot your password": the address to send a reset link to. */
export const RequestPasswordResetSchema = z.object({ email: EmailSchema })

/** An admin withdraws a pending teammate invitation (team page, intent "revoke-invitation"). */
export const RevokeTeammateInvitationSchema = z.object({ invitationId: z.string().trim().min(1).max(64) })

/** An admin acts on a member: removes them, or ends their sessions (team page, intents "remove-member", "end-sessions"). */
export const TeamMemberSchema = z.object({ userId: z.string().trim().min(1).max(64) })
