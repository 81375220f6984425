import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { completeSignup, signupLinkState } from '#app/auth/accounts.server.ts'
import { startUserSession } from '#app/auth/session.server.ts'
import { PublicPage } from '#app/components/public-page.tsx'
import { getDb } from '#app/db.server.ts'

export const meta: MetaFunction = () => [{ title: 'Confirm sign-up · Shoreline' }]

type LinkProblem = 'used' | 'expired' | 'unknown'

// The link's GET only reads the link's state and shows a button: mail scanners that prefetch links
// must not complete a sign-up. A link that no longer works says so at once (410), not after a click.
export async function loader({ params }: LoaderFunctionArgs) {
  const state = await signupLinkState(getDb(), { token: params.token ?? '' })
  if (state === 'open') return { problem: null }
  return data({ problem: state as LinkProblem }, { status: 410 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const created = await completeSignup(getDb(), { token })
  if (!created) {
    const state = await signupLinkState(getDb(), { token })
    return data({ problem: (state === 'open' ? 'used' : state) as LinkProblem }, { status: 410 })
  }
  return startUserSession(request, created, '/app/engagements')
}

const EXPLANATIONS: Record<LinkProblem, string> = {
  used: 'It was already used: your organisation exists. Log in with the email address and password you signed up with.',
  expired: 'It has expired before it was used, so nothing was created. Sign up again to get a new link.',
  unknown: 'It is not a sign-up link Shoreline sent, or it was copied incompletely. Check the link, or sign up again.',
}

export default function ConfirmSignup() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const problem: LinkProblem | null = actionData?.problem ?? loaderData.problem
  return (
    <PublicPage>
      <div className="panel">
        {problem ? (
          <>
            <h1>This link no longer works</h1>
            <p>{EXPLANATIONS[problem]}</p>
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
