import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect } from 'react'
import { recordFailedLogin } from '#app/auth/login-throttle.server.ts'
import { NewPasswordField } from '#app/auth/new-password-field.tsx'
import { changePassword } from '#app/auth/password-changes.server.ts'
import { ChangePasswordSchema } from '#app/auth/password-policy.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { readUserSession } from '#app/auth/session.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { parseFormData } from '#app/utils/forms.ts'

export const meta: MetaFunction = () => [{ title: 'Your account · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  return { email: member.email, name: member.name }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request, { ownAccount: true })
  const session = await readUserSession(request)
  if (!session) throw new Response('Your session ended. Log in again.', { status: 401 })
  const parsed = parseFormData(ChangePasswordSchema, await request.formData())
  if (!parsed.ok) return data({ changed: false, formError: null, errors: parsed.errors }, { status: 400 })
  const result = await changePassword(getDb(), {
    userId: member.userId,
    currentPassword: parsed.data.currentPassword,
    password: parsed.data.password,
    keepSessionIdHash: session.idHash,
  })
  if (!result.changed) {
    // A wrong current password counts as a failed login: a stolen session cannot guess it freely.
    await recordFailedLogin(member.email, context.clientIp ?? 'unknown')
    return data(
      { changed: false, formError: null, errors: { currentPassword: 'That is not your current password' } },
      { status: 400 },
    )
  }
  return { changed: true, formError: null, errors: undefined }
}

export default function Account() {
  const { email, name } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { form, onSubmit, errorFor } = useValidatedForm(ChangePasswordSchema, actionData?.errors)
  const changed = actionData?.changed === true
  // A changed password leaves no copy of either password in the form.
  useEffect(() => {
    if (changed) form.reset()
  }, [changed, form])
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Your account</h1>
          <p>
            {name} · {email}
          </p>
        </div>
      </div>
      <div className="two-columns">
        <section className="panel" aria-labelledby="password-heading">
          <h2 id="password-heading" style={{ marginTop: 0 }}>
            Change your password
          </h2>
          {changed ? (
            <div className="notice" role="status">
              Your password is changed. Every other device signed in to your account was logged out.
            </div>
          ) : null}
          <FormError>{actionData?.formError}</FormError>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" name="username" autoComplete="username" value={email} />
            <Field
              label="Current password"
              type="password"
              autoComplete="current-password"
              error={errorFor('currentPassword')}
              {...form.register('currentPassword')}
            />
            <NewPasswordField label="New password" error={errorFor('password')} {...form.register('password')} />
            <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
              Change password
            </button>
          </Form>
        </section>
        <section className="panel" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" style={{ marginTop: 0 }}>
            Signed-in devices
          </h2>
          <p>
            Left Shoreline open on a shared computer, or lost a laptop? Log out everywhere ends every session of your
            account, this one included. Sessions also end after 30 minutes without use, and 12 hours after login.
          </p>
          <Form method="post" action="/logout">
            <input type="hidden" name="scope" value="everywhere" />
            <button className="danger" type="submit">
              Log out everywhere
            </button>
          </Form>
        </section>
      </div>
    </>
  )
}
