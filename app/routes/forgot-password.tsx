import { type ActionFunctionArgs, data, type HeadersFunction, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { RequestPasswordResetSchema } from '#app/auth/auth.ts'
import { countAccountEmail, tooManyEmailRequests } from '#app/auth/email-throttle.server.ts'
import { requestPasswordReset } from '#app/auth/password-changes.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { PublicPage } from '#app/components/public-page.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { parseFormData } from '#app/utils/forms.ts'
import { retryAfterHeaders } from '#app/utils/http.ts'

export const meta: MetaFunction = () => [{ title: 'Forgot your password · Shoreline' }]

export const headers: HeadersFunction = retryAfterHeaders

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseFormData(RequestPasswordResetSchema, await request.formData())
  if (!parsed.ok) return data({ sentTo: null, formError: null, errors: parsed.errors, values: parsed.values }, 400)
  const { email } = parsed.data
  const throttle = await countAccountEmail('password-reset', email, context.clientIp ?? 'unknown')
  if (throttle.blocked) return tooManyEmailRequests(throttle.retryAfterSeconds, { email })
  // The same answer for every address: whether it has an account is told only to its inbox.
  await requestPasswordReset(getDb(), { email }, { origin: getEnv().publicUrl })
  return { sentTo: email, formError: null, errors: undefined, values: undefined }
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { form, onSubmit, errorFor } = useValidatedForm(RequestPasswordResetSchema, actionData?.errors)
  if (actionData?.sentTo) {
    return (
      <PublicPage>
        <div className="panel">
          <h1>Check your email</h1>
          <p>
            We sent an email to <strong>{actionData.sentTo}</strong>. If the address has a Shoreline account, it holds a
            link to choose a new password, valid for 30 minutes.
          </p>
          <p className="muted">No email after a few minutes? Check your spam folder, or ask again.</p>
          <p>
            <Link to="/login">Back to log in</Link>
          </p>
        </div>
      </PublicPage>
    )
  }
  return (
    <PublicPage>
      <div className="panel">
        <h1>Forgot your password?</h1>
        <p className="muted">
          Enter the email address you log in with; we will send you a link to choose a new password.
        </p>
        <FormError>{actionData?.formError}</FormError>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <Field
            label="Email"
            type="email"
            autoComplete="email"
            defaultValue={actionData?.values?.email}
            error={errorFor('email')}
            {...form.register('email')}
          />
          <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Sending…' : 'Send me a link'}
          </button>
        </Form>
        <p className="form-footer">
          Remembered it? <Link to="/login">Log in</Link>
        </p>
      </div>
    </PublicPage>
  )
}
