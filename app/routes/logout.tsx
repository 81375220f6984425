import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { findSignedInMember } from '#app/auth/require.server.ts'
import { clearedSessionCookie, endEverySessionOf, endUserSession } from '#app/auth/session.server.ts'

export async function loader() {
  return redirect('/')
}

/**
 * Logout ends this session on the server. With `scope=everywhere` ("Log out everywhere" on the
 * account page) every session of the person ends: other browsers, and any copied cookie.
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => new FormData())
  if (formData.get('scope') !== 'everywhere') return endUserSession(request, '/login')
  const member = await findSignedInMember(request)
  if (member) await endEverySessionOf(member.userId)
  return redirect('/login?notice=logged-out-everywhere', { headers: { 'Set-Cookie': await clearedSessionCookie() } })
}
