import { createCookie, redirect } from '@remix-run/node'
import { getDb } from '../db.server.ts'
import { getEnv } from '../env.server.ts'
import { hashToken, newSecretToken } from '../utils/tokens.server.ts'
import {
  deleteDeadUserSessions,
  deleteUserSession,
  deleteUserSessions,
  findLiveUserSession,
  insertUserSession,
  touchUserSession,
} from './queries.server.ts'

/**
 * Buyer sessions, kept on the server (table user_session). The cookie holds a random 256-bit id,
 * signed with SESSION_SECRET; the table holds its SHA-256. A session ends after 30 minutes without a
 * request or 12 hours after login, whichever comes first (ASVS level 2; DECISIONS.md "Numbers"), and
 * at once on logout, "log out everywhere", a password change or reset, and removal from the
 * organisation: a copied cookie is worth nothing after any of these.
 */
export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000
// last_seen_at is written at most once a minute per session, not on every request.
const TOUCH_AFTER_MS = 60_000

let cookie: ReturnType<typeof createSessionCookie> | undefined

function createSessionCookie() {
  const env = getEnv()
  return createCookie('__shoreline_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    // Secure in production; on a plain-http development server the browser would drop it.
    secure: env.mode === 'production',
    secrets: [env.sessionSecret],
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  })
}

function sessionCookie() {
  cookie ??= createSessionCookie()
  return cookie
}

export type UserSession = { idHash: string; userId: string; organisationId: string }

/** The SHA-256 of the session id in the request's signed cookie; undefined without a valid one. */
export async function sessionIdHashOf(request: Request): Promise<string | undefined> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? hashToken(value) : undefined
}

/** What a live session's row must satisfy at `now`: not past its end, seen within the idle limit. */
export function liveSessionWindow(now: Date) {
  return { now: now.toISOString(), idleSince: new Date(now.getTime() - SESSION_IDLE_MS).toISOString() }
}

/** Records that a live session was used, when its last sighting is a minute old or more. */
export async function noteSessionUse(idHash: string, lastSeenAt: string, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(lastSeenAt) >= TOUCH_AFTER_MS)
    await touchUserSession(getDb(), { idHash, now: now.toISOString() })
}

/** The request's live session, or null (no cookie, a bad signature, ended, idle or too old). */
export async function readUserSession(request: Request, now = new Date()): Promise<UserSession | null> {
  const idHash = await sessionIdHashOf(request)
  if (!idHash) return null
  const session = await findLiveUserSession(getDb(), { idHash, ...liveSessionWindow(now) })
  if (!session) return null
  await noteSessionUse(idHash, session.lastSeenAt, now)
  return { idHash, userId: session.userId, organisationId: session.organisationId }
}

/**
 * Starts a fresh session for a user who just proved who they are, and ends the one the request
 * came with, if any. The id is always new (never the visitor's old one), so a session planted
 * before login is worthless.
 */
export async function startUserSession(
  request: Request,
  { userId, organisationId }: { userId: string; organisationId: string },
  redirectTo: string,
): Promise<Response> {
  const db = getDb()
  const previous = await sessionIdHashOf(request)
  if (previous) await deleteUserSession(db, { idHash: previous })
  const { token, tokenHash } = newSecretToken()
  const now = new Date()
  await insertUserSession(db, {
    idHash: tokenHash,
    userId,
    organisationId,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  })
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionCookie().serialize(token) } })
}

/** Logout: the session ends on the server, and the browser forgets the cookie. */
export async function endUserSession(request: Request, redirectTo = '/'): Promise<Response> {
  const idHash = await sessionIdHashOf(request)
  if (idHash) await deleteUserSession(getDb(), { idHash })
  return redirect(redirectTo, { headers: { 'Set-Cookie': await clearedSessionCookie() } })
}

/** "Log out everywhere": every session of the user ends, this one included. Returns how many. */
export async function endEverySessionOf(userId: string): Promise<number> {
  return deleteUserSessions(getDb(), { userId })
}

export async function clearedSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}

/** Removes sessions that can no longer be used (housekeeping; reading one checks the same). */
export async function purgeDeadUserSessions(now = new Date()): Promise<void> {
  await deleteDeadUserSessions(getDb(), {
    now: now.toISOString(),
    idleSince: new Date(now.getTime() - SESSION_IDLE_MS).toISOString(),
  })
}
