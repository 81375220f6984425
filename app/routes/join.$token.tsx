import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { JoinExistingAccountSchema } from '#app/auth/auth.ts'
import { NewPasswordField } from '#app/auth/new-password-field.tsx'
import { JoinNewAccountSchema } from '#app/auth/password-policy.ts'
import { startUserSession } from '#app/auth/session.server.ts'
import { acceptTeammateInvitation, findTeammateInvitation } from '#app/auth/team.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { PublicPage } from '#app/components/public-page.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { parseFormData } from '#app/utils/forms.ts'

export const meta: MetaFunction = () => [{ title: 'Join your team · Shoreline' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findTeammateInvitation(getDb(), { token: params.token ?? '' })
  // A used, withdrawn or expired link says so when it is opened (410 Gone), before anything is typed.
  if (!invitation) return data({ invitation: null }, { status: 410 })
  return {
    invitation: {
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisationName,
      hasAccount: invitation.hasAccount,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const invitation = await findTeammateInvitation(getDb(), { token })
  if (!invitation)
    return data({ formError: 'This invitation has expired or was already used.', errors: undefined }, { status: 410 })
  const formData = await request.formData()
  const parsed = invitation.hasAccount
    ? parseFormData(JoinExistingAccountSchema, formData)
    : parseFormData(JoinNewAccountSchema, formData)
  if (!parsed.ok) return data({ formError: null, errors: parsed.errors }, { status: 400 })
  const joined = await acceptTeammateInvitation(getDb(), { token, ...parsed.data })
  if (!joined)
    return data(
      { formError: 'That password is not the one of your Shoreline account.', errors: undefined },
      { status: 401 },
    )
  return startUserSession(request, joined, '/app/engagements')
}

export default function Join() {
  const { invitation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const schema = invitation?.hasAccount ? JoinExistingAccountSchema : JoinNewAccountSchema
  const { form, onSubmit, errorFor } = useValidatedForm(schema, actionData?.errors)
  if (!invitation) {
    return (
      <PublicPage>
        <div className="panel">
          <h1>This invitation no longer works</h1>
          <p>
            It has expired, was withdrawn or was already used. Ask an admin of your organisation to invite you again.
          </p>
          <p>
            <Link to="/login">Log in</Link>
          </p>
        </div>
      </PublicPage>
    )
  }
  return (
    <PublicPage>
      <div className="panel">
        <h1>{`Join ${invitation.organisationName}`}</h1>
        <p>
          You are invited as <strong>{invitation.role}</strong> with <strong>{invitation.email}</strong>.
        </p>
        <FormError>{actionData?.formError}</FormError>
        <Form method="post" noValidate onSubmit={onSubmit}>
          {invitation.hasAccount ? (
            <Field
              label="Your Shoreline password"
              type="password"
              autoComplete="current-password"
              error={errorFor('password')}
              {...form.register('password')}
            />
          ) : (
            <>
              <Field
                label="Your name"
                autoComplete="name"
                error={errorFor('name')}
                {...form.register('name' as never)}
              />
              <NewPasswordField label="Choose a password" error={errorFor('password')} {...form.register('password')} />
            </>
          )}
          <button className="primary" type="submit">
            Join
          </button>
        </Form>
      </div>
    </PublicPage>
  )
}
