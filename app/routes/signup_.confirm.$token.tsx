import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { completeSignup } from '#app/auth/accounts.server.ts'
import { startUserSession } from '#app/auth/session.server.ts'
import { PublicPage } from '#app/components/public-page.tsx'
import { getDb } from '#app/db.server.ts'

export const meta: MetaFunction = () => [{ title: 'Confirm sign-up · Shoreline' }]

// The link's GET only shows a button: mail scanners that prefetch links must not complete a sign-up.
export async function action({ request, params }: ActionFunctionArgs) {
  const created = await completeSignup(getDb(), { token: params.token ?? '' })
  if (!created) return { expired: true }
  return startUserSession(request, created, '/app/engagements')
}

export default function ConfirmSignup() {
  const actionData = useActionData<typeof action>()
  return (
    <PublicPage>
      <div className="panel">
        {actionData?.expired ? (
          <>
            <h1>This link no longer works</h1>
            <p>
              It has expired or was already used. If your organisation was created, log in; otherwise sign up again.
            </p>
            <p>
              <Link to="/login">Log in</Link> · <Link to="/signup">Sign up again</Link>
            </p>
          </>
        ) : (
          <>
            <h1>Confirm your sign-up</h1>
            <p>Create your organisation on Shoreline and sign in as its admin.</p>
            <Form method="post">
              <button className="primary" type="submit">
                Create my organisation
              </button>
            </Form>
          </>
        )}
      </div>
    </PublicPage>
  )
}
