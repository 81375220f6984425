import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { requestSignup } from '#app/auth/accounts.server.ts'
import { countAccountEmail, tooManyEmailRequests } from '#app/auth/email-throttle.server.ts'
import { NewPasswordField } from '#app/auth/new-password-field.tsx'
import { SignupSchema } from '#app/auth/password-policy.ts'
import { findSignedInMember } from '#app/auth/require.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { PublicPage } from '#app/components/public-page.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { parseFormData } from '#app/utils/forms.ts'
import { retryAfterHeaders } from '#app/utils/http.ts'

export const meta: MetaFunction = () => [{ title: 'Sign up · Shoreline' }]

export const headers: HeadersFunction = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findSignedInMember(request)) throw redirect('/app/engagements')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseFormData(SignupSchema, await request.formData())
  if (!parsed.ok)
    return data({ sentTo: null, formError: null, errors: parsed.errors, values: parsed.values }, { status: 400 })
  const throttle = await countAccountEmail('signup', parsed.data.email, context.clientIp ?? 'unknown')
  if (throttle.blocked) {
    const { password: _password, ...values } = parsed.data
    return tooManyEmailRequests(throttle.retryAfterSeconds, values)
  }
  // Same answer whether or not the address already has an account: no user enumeration.
  await requestSignup(getDb(), parsed.data, { origin: getEnv().publicUrl })
  return { sentTo: parsed.data.email, formError: null, errors: undefined, values: undefined }
}

export default function Signup() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { form, onSubmit, errorFor } = useValidatedForm(SignupSchema, actionData?.errors)
  if (actionData?.sentTo) {
    return (
      <PublicPage>
        <div className="panel">
          <h1>Check your email</h1>
          <p>
            We sent a link to <strong>{actionData.sentTo}</strong>. Follow it within 24 hours to finish creating your
            organisation.
          </p>
          <p className="muted">No email after a few minutes? Check your spam folder, or sign up again.</p>
        </div>
      </PublicPage>
    )
  }
  const values = actionData?.values
  return (
    <PublicPage>
      <div className="panel">
        <h1>Create your organisation</h1>
        <p className="muted">You will be its first admin and can invite your team afterwards.</p>
        <FormError>{actionData?.formError}</FormError>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <Field
            label="Organisation"
            autoComplete="organization"
            defaultValue={values?.organisationName}
            error={errorFor('organisationName')}
            {...form.register('organisationName')}
          />
          <Field
            label="Your name"
            autoComplete="name"
            defaultValue={values?.name}
            error={errorFor('name')}
            {...form.register('name')}
          />
          <Field
            label="Work email"
            type="email"
            autoComplete="email"
            defaultValue={values?.email}
            error={errorFor('email')}
            {...form.register('email')}
          />
          <NewPasswordField label="Password" error={errorFor('password')} {...form.register('password')} />
          <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Sending link…' : 'Sign up'}
          </button>
        </Form>
        <p className="form-footer">
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </div>
    </PublicPage>
  )
}
