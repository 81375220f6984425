import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { endUserSession } from '#app/auth/session.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  return endUserSession(request, '/login')
}
