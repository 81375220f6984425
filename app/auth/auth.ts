import { z } from 'zod'

/**
 * Account forms: one zod schema per form, used by react-hook-form in the browser and by the
 * route's action on the server. Client-safe: no server imports here.
 */

export const ROLES = ['admin', 'manager', 'member'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin — manages the team and everything below',
  manager: 'Manager — runs engagements and records decisions',
  member: 'Member — works on engagements and invites vendors',
}

export const EmailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'That email address is too long')
  .pipe(z.email('Enter a valid email address, like name@company.com'))
  .transform((value) => value.toLowerCase())

export const NewPasswordSchema = z
  .string({ error: 'Choose a password' })
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters')

const NameSchema = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'Use at most 120 characters')

export const SignupSchema = z.object({
  organisationName: z
    .string({ error: 'Enter your organisation’s name' })
    .trim()
    .min(2, 'Enter your organisation’s name')
    .max(120, 'Use at most 120 characters'),
  name: NameSchema,
  email: EmailSchema,
  password: NewPasswordSchema,
})
export type SignupInput = z.infer<typeof SignupSchema>

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

export const JoinNewAccountSchema = z.object({ name: NameSchema, password: NewPasswordSchema })
export const JoinExistingAccountSchema = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
})

/** What each role may do. The UI uses it to hide controls; require.server.ts enforces it. */
export const PERMISSIONS = {
  'team:manage': ['admin'],
  'outbox:read': ['admin'],
  'engagement:write': ['admin', 'manager', 'member'],
  'decision:record': ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>
export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
