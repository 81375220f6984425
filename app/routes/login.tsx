import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { verifyLogin } from '#app/auth/accounts.server.ts'
import { LoginSchema } from '#app/auth/auth.ts'
import { checkLoginThrottle, clearFailedLogins, recordFailedLogin } from '#app/auth/login-throttle.server.ts'
import { findSignedInMember } from '#app/auth/require.server.ts'
import { startUserSession } from '#app/auth/session.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { PublicPage } from '#app/components/public-page.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { parseFormData } from '#app/utils/forms.ts'
import { retryAfterHeaders, safeRedirectPath } from '#app/utils/http.ts'

export const meta: MetaFunction = () => [{ title: 'Log in · Shoreline' }]

// Document responses take their headers from here: pass the action's Retry-After through.
export const headers: HeadersFunction = retryAfterHeaders

export const INVALID_LOGIN = 'Email or password is incorrect.'

// The browser validates with the same schema, loaded when the form is first focused: the login
// page then hydrates without zod and the account schemas (README decision 87).
const loadLoginSchema = () => import('#app/auth/auth.ts').then((module) => module.LoginSchema)

// Why someone lands here after their session ended on purpose (set by the route that ended it).
const NOTICES: Record<string, string> = {
  'password-reset': 'Your password is changed, and every device was logged out. Log in with the new password.',
  'logged-out-everywhere': 'You are logged out on every device.',
  'left-organisation': 'You removed yourself from the organisation and are logged out of it.',
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findSignedInMember(request)) throw redirect('/app/engagements')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseFormData(LoginSchema, await request.formData())
  if (!parsed.ok) return data({ formError: null, errors: parsed.errors, values: parsed.values }, { status: 400 })
  const { email, password, redirectTo } = parsed.data
  const ip = context.clientIp ?? 'unknown'

  const throttle = await checkLoginThrottle(email, ip)
  if (throttle.blocked) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60)
    return data(
      {
        formError: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        errors: undefined,
        values: { email },
      },
      { status: 429, headers: { 'Retry-After': String(throttle.retryAfterSeconds) } },
    )
  }
  const user = await verifyLogin(getDb(), { email, password })
  if (!user) {
    await recordFailedLogin(email, ip)
    return data({ formError: INVALID_LOGIN, errors: undefined, values: { email } }, { status: 401 })
  }
  await clearFailedLogins(email, ip)
  return startUserSession(request, user, safeRedirectPath(redirectTo, '/app/engagements'))
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const { form, onSubmit, onFocus, errorFor } = useValidatedForm(loadLoginSchema, actionData?.errors)
  const notice = NOTICES[searchParams.get('notice') ?? '']
  return (
    <PublicPage>
      <div className="panel">
        <h1>Log in to Shoreline</h1>
        {notice ? (
          <div className="notice" role="status">
            {notice}
          </div>
        ) : null}
        <FormError>{actionData?.formError}</FormError>
        <Form method="post" noValidate onSubmit={onSubmit} onFocus={onFocus}>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <Field
            label="Email"
            type="email"
            autoComplete="email"
            defaultValue={actionData?.values?.email}
            error={errorFor('email')}
            {...form.register('email')}
          />
          <Field
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errorFor('password')}
            {...form.register('password')}
          />
          <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Logging in…' : 'Log in'}
          </button>
        </Form>
        <p className="form-footer">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="form-footer">
          New to Shoreline? <Link to="/signup">Create your organisation</Link>
        </p>
      </div>
    </PublicPage>
  )
}
