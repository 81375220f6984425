import { redirect } from '@remix-run/node'
import { getDb } from '../db.server.ts'
import { AUDITOR_REFUSAL, can, type Permission, type Role } from './auth.ts'
import { findMember } from './queries.server.ts'
import { readUserSession } from './session.server.ts'

export type Member = {
  userId: string
  email: string
  name: string
  role: Role
  organisationId: string
  organisationName: string
}

/** The signed-in member, or null. */
export async function findSignedInMember(request: Request): Promise<Member | null> {
  const session = await readUserSession(request)
  if (!session) return null
  const member = await findMember(getDb(), { userId: session.userId, organisationId: session.organisationId })
  return member ? { ...member, role: member.role as Role } : null
}

/**
 * The signed-in member; otherwise a redirect to the login page that comes back here afterwards.
 * An auditor reads and never changes: any request that is not a read (every action) is refused
 * here with a 403, so no action of the app can forget it. Only the auditor's own account (its
 * password and sessions) is theirs to change: that route passes `ownAccount`.
 */
export async function requireMember(request: Request, options: { ownAccount?: boolean } = {}): Promise<Member> {
  const member = await findSignedInMember(request)
  if (!member) {
    const url = new URL(request.url)
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  if (member.role === 'auditor' && !options.ownAccount && !isRead(request.method)) {
    throw new Response(AUDITOR_REFUSAL, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return member
}

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
}

/** The signed-in member, who must hold a role that grants the permission (403 otherwise). */
export async function requirePermission(request: Request, permission: Permission): Promise<Member> {
  const member = await requireMember(request)
  if (!can(member.role, permission)) {
    throw new Response('Your role does not allow this. Ask an admin of your organisation.', { status: 403 })
  }
  return member
}
