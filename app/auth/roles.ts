/**
 * Roles and what each may do: client-safe and dependency-free, so every signed-in page's layout
 * (app/routes/app.tsx) reads them without loading zod and the account forms' schemas (auth.ts
 * re-exports all of it).
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
