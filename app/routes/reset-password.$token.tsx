import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { NewPasswordField } from '#app/auth/new-password-field.tsx'
import { findPasswordResetLink, resetPassword } from '#app/auth/password-changes.server.ts'
import { ResetPasswordSchema } from '#app/auth/password-policy.ts'
import { clearedSessionCookie } from '#app/auth/session.server.ts'
import { FormError } from '#app/components/field.tsx'
import { PublicPage } from '#app/components/public-page.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { parseFormData } from '#app/utils/forms.ts'

export const meta: MetaFunction = () => [
  { title: 'Choose a new password · Shoreline' },
  { name: 'robots', content: 'noindex' },
]

// The link's GET only shows the form: a mail scanner that follows links spends nothing.
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findPasswordResetLink(getDb(), { token: params.token ?? '' })
  return { email: link?.email ?? null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseFormData(ResetPasswordSchema, await request.formData())
  if (!parsed.ok) return data({ formError: null, errors: parsed.errors }, { status: 400 })
  const done = await resetPassword(getDb(), { token: params.token ?? '', password: parsed.data.password })
  if (!done)
    return data({ formError: 'This link no longer works. Ask for a new one.', errors: undefined }, { status: 410 })
  // Every session of the account ended, this browser's too: log in with the new password.
  throw redirect('/login?notice=password-reset', { headers: { 'Set-Cookie': await clearedSessionCookie() } })
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { form, onSubmit, errorFor } = useValidatedForm(ResetPasswordSchema, actionData?.errors)
  if (!email) {
    return (
      <PublicPage>
        <div className="panel">
          <h1>This link no longer works</h1>
          <p>A reset link works once and for 30 minutes. Ask for a new one.</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link> · <Link to="/login">Log in</Link>
          </p>
        </div>
      </PublicPage>
    )
  }
  return (
    <PublicPage>
      <div className="panel">
        <h1>Choose a new password</h1>
        <p>
          For <strong>{email}</strong>. Every device signed in to this account will be logged out.
        </p>
        <FormError>{actionData?.formError}</FormError>
        <Form method="post" noValidate onSubmit={onSubmit}>
          {/* The account's email helps password managers store the new password for it. */}
          <input type="hidden" name="username" autoComplete="username" value={email} />
          <NewPasswordField label="New password" error={errorFor('password')} {...form.register('password')} />
          <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
            Set new password
          </button>
        </Form>
      </div>
    </PublicPage>
  )
}
