import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AlreadyMemberError, inviteTeammate } from '#app/auth/accounts.server.ts'
import { can, InviteTeammateSchema, ROLE_LABELS, ROLES } from '#app/auth/auth.ts'
import { listMembers, listPendingTeammateInvitations } from '#app/auth/queries.server.ts'
import { requireMember, requirePermission } from '#app/auth/require.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { parseFormData } from '#app/utils/forms.ts'
import { nowIso } from '#app/utils/ids.ts'

export const meta: MetaFunction = () => [{ title: 'Team · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const [members, pending] = await Promise.all([
    listMembers(db, { organisationId: member.organisationId }),
    can(member.role, 'team:manage')
      ? listPendingTeammateInvitations(db, { organisationId: member.organisationId, now: nowIso() })
      : Promise.resolve([]),
  ])
  return { members, pending, canManage: can(member.role, 'team:manage') }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'team:manage')
  const parsed = parseFormData(InviteTeammateSchema, await request.formData())
  if (!parsed.ok)
    return data({ invited: null, sendFailed: false, errors: parsed.errors, values: parsed.values }, { status: 400 })
  try {
    const sent = await inviteTeammate(
      getDb(),
      {
        ...parsed.data,
        organisationId: admin.organisationId,
        invitedByUserId: admin.userId,
        organisationName: admin.organisationName,
      },
      { origin: getEnv().publicUrl },
    )
    return { invited: parsed.data.email, sendFailed: sent.status === 'failed', errors: undefined, values: undefined }
  } catch (error) {
    if (error instanceof AlreadyMemberError) {
      return data(
        {
          invited: null,
          sendFailed: false,
          errors: { email: error.message },
          values: { email: parsed.data.email, role: parsed.data.role },
        },
        { status: 400 },
      )
    }
    throw error
  }
}

export default function Team() {
  const { members, pending, canManage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { form, onSubmit, errorFor } = useValidatedForm(InviteTeammateSchema, actionData?.errors)
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Team</h1>
          <p>Everyone here sees your organisation’s engagements. Admins manage the team.</p>
        </div>
      </div>
      <div className="two-columns">
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    <span className="badge">{m.role}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canManage && pending.length > 0 ? (
            <>
              <h2>Invited, not yet joined</h2>
              <ul>
                {pending.map((p) => (
                  <li key={p.id}>
                    {p.email} as {p.role} — link valid until {p.expiresAt.slice(0, 10)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        {canManage ? (
          <section className="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading" style={{ marginTop: 0 }}>
              Invite a teammate
            </h2>
            {actionData?.invited ? (
              <div className="notice" role="status">
                {actionData.sendFailed
                  ? `The invitation for ${actionData.invited} is saved, but the email could not be sent. Check the mail settings and invite again.`
                  : `Invitation sent to ${actionData.invited}.`}
              </div>
            ) : null}
            <FormError>{errorFor('form')}</FormError>
            <Form method="post" noValidate onSubmit={onSubmit}>
              <Field
                label="Email"
                type="email"
                defaultValue={actionData?.values?.email}
                error={errorFor('email')}
                {...form.register('email')}
              />
              <div className="field">
                <label htmlFor="role">Role</label>
                <select
                  id="role"
                  defaultValue={actionData?.values?.role ?? 'member'}
                  aria-invalid={errorFor('role') ? true : undefined}
                  aria-describedby={errorFor('role') ? 'role-error' : undefined}
                  {...form.register('role')}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
                {errorFor('role') ? (
                  <p className="field-error" id="role-error" role="alert">
                    {errorFor('role')}
                  </p>
                ) : null}
              </div>
              <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
                Send invitation
              </button>
            </Form>
          </section>
        ) : null}
      </div>
    </>
  )
}
