import { createCookieSessionStorage } from '@remix-run/node'
import { getDb } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import { findVendorAccessState } from './queries.server.ts'

/**
 * The vendor's session: no account, just the invitation the secret link opened and the link
 * generation it belonged to. "Resend" moves the invitation to a new generation, which ends this
 * session too; revocation and expiry end it as well.
 */
type VendorSessionData = { invitationId: string; generation: number }

let storage: ReturnType<typeof create> | undefined
function create() {
  const env = getEnv()
  return createCookieSessionStorage<VendorSessionData>({
    cookie: {
      name: '__shoreline_vendor',
      httpOnly: true,
      sameSite: 'lax',
      // Path '/' and not '/v': Remix fetches a page's data from `/v.data`, which a cookie scoped to
      // '/v' does not reach (RFC 6265 path matching), and the vendor lost its session on the way home.
      path: '/',
      secure: env.mode === 'production',
      secrets: [`vendor:${env.sessionSecret}`],
      maxAge: 60 * 60 * 24 * 14,
    },
  })
}
function vendorStorage() {
  storage ??= create()
  return storage
}

export async function startVendorSession(invitationId: string, generation: number): Promise<string> {
  const session = await vendorStorage().getSession()
  session.set('invitationId', invitationId)
  session.set('generation', generation)
  return vendorStorage().commitSession(session)
}

type VendorAccess =
  | { ok: true; invitationId: string }
  | { ok: false; reason: 'no-session' | 'revoked' | 'expired' | 'superseded' }

/** Which invitation a request (its Cookie header) may act for, if any. Every vendor query is scoped by it. */
export async function readVendorAccess(cookieHeader: string | null, now: Date = new Date()): Promise<VendorAccess> {
  const session = await vendorStorage().getSession(cookieHeader)
  const invitationId = session.get('invitationId')
  const generation = session.get('generation')
  if (!invitationId || generation === undefined) return { ok: false, reason: 'no-session' }
  const invitation = await findVendorAccessState(getDb(), { invitationId })
  if (!invitation) return { ok: false, reason: 'no-session' }
  if (invitation.status === 'revoked') return { ok: false, reason: 'revoked' }
  if (invitation.link_generation !== generation) return { ok: false, reason: 'superseded' }
  if (invitation.status !== 'submitted' && Date.parse(invitation.expires_at) <= now.getTime()) {
    return { ok: false, reason: 'expired' }
  }
  return { ok: true, invitationId }
}
