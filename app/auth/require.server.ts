import { redirect } from '@remix-run/node'
import { getDb } from '../db.server.ts'
import { AUDITOR_REFUSAL, can, type Permission, type Role } from './auth.ts'
import { findMemberOfLiveSession } from './queries.server.ts'
import { liveSessionWindow, noteSessionUse, sessionIdHashOf } from './session.server.ts'

export type Member = {
  userId: string
  email: string
  name: string
  role: Role
  organisationId: string
  organisationName: string
}

/**
 * The signed-in member, or null: the session in the request's cookie and its member, read in one
 * statement. (Each loader of a page asks again: Remix hands every loader a Request of its own, so
 * there is no per-request object to keep the answer on without passing the load context around.)
 */
export async function findSignedInMember(request: Request, now = new Date()): Promise<Member | null> {
  const idHash = await sessionIdHashOf(request)
  if (!idHash) return null
  const row = await findMemberOfLiveSession(getDb(), { idHash, ...liveSessionWindow(now) })
  if (!row) return null
  const { lastSeenAt, role, ...member } = row
  await noteSessionUse(idHash, lastSeenAt, now)
  return { ...member, role: role as Role }
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
