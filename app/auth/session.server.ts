import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { getEnv } from '../env.server.ts'

type SessionData = { userId: string; organisationId: string; signedInAt: string }

let storage: ReturnType<typeof createStorage> | undefined

function createStorage() {
  const env = getEnv()
  return createCookieSessionStorage<SessionData>({
    cookie: {
      name: '__shoreline_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      // Secure in production; on a plain-http development server the browser would drop it.
      secure: env.mode === 'production',
      secrets: [env.sessionSecret],
      maxAge: 60 * 60 * 12,
    },
  })
}

function sessionStorage() {
  storage ??= createStorage()
  return storage
}

export async function readSession(request: Request) {
  return sessionStorage().getSession(request.headers.get('Cookie'))
}

/**
 * Starts a fresh session for a user who just proved who they are. The cookie is always new (never
 * the visitor's old one), so a session planted before login is worthless.
 */
export async function startUserSession(
  { userId, organisationId }: { userId: string; organisationId: string },
  redirectTo: string,
): Promise<Response> {
  const session = await sessionStorage().getSession()
  session.set('userId', userId)
  session.set('organisationId', organisationId)
  session.set('signedInAt', new Date().toISOString())
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().commitSession(session) } })
}

export async function endUserSession(request: Request, redirectTo = '/'): Promise<Response> {
  const session = await readSession(request)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().destroySession(session) } })
}
