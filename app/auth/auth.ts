import { z } from 'zod'

/**
 * Account forms: one zod schema per form, used by react-hook-form in the browser and by the
 * route's action on the server. Client-safe: no server imports here.
 */

export const ROLES = ['admin', 'manager', 'member', 'auditor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin — manages the team and everything below',
  manager: 'Manager — runs engagements and records decisions',
  member: 'Member — works on engagements and invites vendors',
  auditor: 'Auditor — reads everything (reports, audit log, PDFs, CSV) and changes nothing',
}

/** The roles a member holding 'team:invite-auditor' but not 'team:manage' may invite (a manager: auditors). */
export const AUDITOR_INVITE_ROLES = ['auditor'] as const satisfies readonly Role[]

/** What an auditor reads when it tries to change something (every POST answers 403 with it). */
export const AUDITOR_REFUSAL =
  'You are an auditor: you can read everything in your organisation but not change it. Ask a manager or an admin.'

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

/** What each role may do. The UI uses it to hide controls; require.server.ts enforces it. */
export const PERMISSIONS = {
  'team:manage': ['admin'],
  // Managers bring in auditors (read-only teammates); admins invite any role.
  'team:invite-auditor': ['admin', 'manager'],
  'outbox:read': ['admin'],
  'engagement:write': ['admin', 'manager', 'member'],
  'decision:record': ['admin', 'manager'],
  // Remediation requests, risk acceptances and the review cadence (app/remediation, app/review).
  'remediation:manage': ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>
export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
