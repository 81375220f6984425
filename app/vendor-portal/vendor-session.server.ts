import { createCookie } from '@remix-run/node'
import { getDb } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import { hashToken, newSecretToken } from '../utils/tokens.server.ts'
import {
  deleteDeadVendorSessions,
  deleteVendorSession,
  findVendorSession,
  insertVendorSession,
  touchVendorSession,
} from './queries.server.ts'

/**
 * The vendor's session: no account, just the invitation the secret link opened and the link
 * generation it belonged to, kept on the server (table vendor_session; the cookie holds a random
 * id, the table its SHA-256). It ends after 12 hours without a request, and never outlives its
 * link: expiry, revocation and "New link" (a new generation) end it too.
 */
export const VENDOR_SESSION_IDLE_MS = 12 * 3_600_000
const TOUCH_AFTER_MS = 60_000

let cookie: ReturnType<typeof create> | undefined
function create() {
  const env = getEnv()
  return createCookie('__shoreline_vendor', {
    httpOnly: true,
    sameSite: 'lax',
    // Path '/' and not '/v': Remix fetches a page's data from `/v.data`, which a cookie scoped to
    // '/v' does not reach (RFC 6265 path matching), and the vendor lost its session on the way home.
    path: '/',
    secure: env.mode === 'production',
    secrets: [`vendor:${env.sessionSecret}`],
  })
}
function vendorCookie() {
  cookie ??= create()
  return cookie
}

/**
 * Starts a session for the invitation a link opened; returns the Set-Cookie header. The cookie
 * lasts until the link expires (at least the idle limit, so a submitted vendor can still look back);
 * the server decides sooner if the session idles or the link dies.
 */
export async function startVendorSession(
  invitationId: string,
  generation: number,
  linkExpiresAt: string,
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = newSecretToken()
  await insertVendorSession(getDb(), { idHash: tokenHash, invitationId, generation, now: now.toISOString() })
  const expires = new Date(Math.max(Date.parse(linkExpiresAt), now.getTime() + VENDOR_SESSION_IDLE_MS))
  return vendorCookie().serialize(token, { expires })
}

type VendorAccess =
  | { ok: true; invitationId: string }
  | { ok: false; reason: 'no-session' | 'revoked' | 'expired' | 'superseded' }

/** What a session row says of its link, as `findVendorSession` (and `findVendorSaveContext`, with more) read it. */
type SessionRow = NonNullable<Awaited<ReturnType<typeof findVendorSession>>>

/** Which invitation a request (its Cookie header) may act for, if any. Every vendor query is scoped by it. */
export async function readVendorAccess(cookieHeader: string | null, now: Date = new Date()): Promise<VendorAccess> {
  const idHash = await vendorSessionIdHash(cookieHeader)
  if (!idHash) return { ok: false, reason: 'no-session' }
  return admitVendorSession(idHash, await findVendorSession(getDb(), { idHash }), now)
}

/** The stored id (its hash) of the session the Cookie header carries; undefined without one. */
export async function vendorSessionIdHash(cookieHeader: string | null): Promise<string | undefined> {
  const value: unknown = await vendorCookie().parse(cookieHeader)
  return typeof value === 'string' && value.length > 0 ? hashToken(value) : undefined
}

/**
 * The one judgement of a session read with its invitation: refused when the link was revoked,
 * replaced or expired, or the session idled out (then deleted); touched at most once a minute.
 */
export async function admitVendorSession(
  idHash: string,
  session: SessionRow | undefined,
  now: Date = new Date(),
): Promise<VendorAccess> {
  if (!session) return { ok: false, reason: 'no-session' }
  if (session.status === 'revoked') return { ok: false, reason: 'revoked' }
  if (session.linkGeneration !== session.sessionGeneration) return { ok: false, reason: 'superseded' }
  if (session.status !== 'submitted' && Date.parse(session.expiresAt) <= now.getTime()) {
    return { ok: false, reason: 'expired' }
  }
  const db = getDb()
  const idleMs = now.getTime() - Date.parse(session.lastSeenAt)
  if (idleMs >= VENDOR_SESSION_IDLE_MS) {
    await deleteVendorSession(db, { idHash })
    return { ok: false, reason: 'no-session' }
  }
  if (idleMs >= TOUCH_AFTER_MS) await touchVendorSession(db, { idHash, now: now.toISOString() })
  return { ok: true, invitationId: session.invitationId }
}

/** Removes vendor sessions that can no longer be used (housekeeping; reading one checks the same). */
export async function purgeDeadVendorSessions(now = new Date()): Promise<void> {
  await deleteDeadVendorSessions(getDb(), { idleSince: new Date(now.getTime() - VENDOR_SESSION_IDLE_MS).toISOString() })
}
