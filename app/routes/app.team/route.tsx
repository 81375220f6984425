import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import {
  AUDITOR_INVITE_ROLES,
  can,
  InviteTeammateSchema,
  RevokeTeammateInvitationSchema,
  ROLE_LABELS,
  ROLES,
  TeamMemberSchema,
} from '#app/auth/auth.ts'
import { listMembers, listPendingTeammateInvitations } from '#app/auth/queries.server.ts'
import { requireMember, requirePermission } from '#app/auth/require.server.ts'
import { clearedSessionCookie } from '#app/auth/session.server.ts'
import {
  AlreadyMemberError,
  endMemberSessions,
  inviteTeammate,
  removeMember,
  revokeTeammateInvitation,
} from '#app/auth/team.server.ts'
import { Field, FormError } from '#app/components/field.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { parseFormData } from '#app/utils/forms.ts'
import { nowIso } from '#app/utils/ids.ts'
import { badRequest } from '#app/utils/request.server.ts'
import { MembersTable, PendingInvitations } from './members.tsx'

export const meta: MetaFunction = () => [{ title: 'Team · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const canManage = can(member.role, 'team:manage')
  const canInviteAuditors = can(member.role, 'team:invite-auditor')
  const [members, pending] = await Promise.all([
    listMembers(db, { organisationId: member.organisationId }),
    canManage
      ? listPendingTeammateInvitations(db, { organisationId: member.organisationId, now: nowIso() })
      : Promise.resolve([]),
  ])
  return { members, pending, canManage, canInviteAuditors, you: member.userId }
}

type TeamReply = {
  notice?: string
  problem?: string
  invited?: string
  sendFailed?: boolean
  errors?: Record<string, string>
  values?: Record<string, string>
}

/**
 * Intents: invite (the default), revoke-invitation, remove-member, end-sessions. Admins do all;
 * a manager only invites auditors (read-only teammates).
 */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'team:invite-auditor')
  const formData = await request.formData()
  const reply = (result: TeamReply, status = 200) => data(result, { status })
  const db = getDb()
  const intent = formData.get('intent') ?? 'invite'
  if (!can(admin.role, 'team:manage') && intent !== 'invite') {
    throw new Response('Your role does not allow this. Ask an admin of your organisation.', { status: 403 })
  }
  switch (intent) {
    case 'revoke-invitation': {
      const parsed = parseFormData(RevokeTeammateInvitationSchema, formData)
      if (!parsed.ok) throw badRequest('Which invitation? The form was incomplete.')
      const revoked = await revokeTeammateInvitation(db, {
        organisationId: admin.organisationId,
        invitationId: parsed.data.invitationId,
        actorUserId: admin.userId,
      })
      return revoked
        ? reply({ notice: `The invitation for ${revoked.email} is withdrawn; its link no longer works.` })
        : reply({ problem: 'That invitation was already accepted or withdrawn.' }, 404)
    }
    case 'remove-member': {
      const parsed = parseFormData(TeamMemberSchema, formData)
      if (!parsed.ok) throw badRequest('Which member? The form was incomplete.')
      const result = await removeMember(db, {
        organisationId: admin.organisationId,
        userId: parsed.data.userId,
        actorUserId: admin.userId,
      })
      // Removing oneself (another admin remains) ends one's own session here too: back to login.
      if (result.removed && parsed.data.userId === admin.userId)
        throw redirect('/login?notice=left-organisation', { headers: { 'Set-Cookie': await clearedSessionCookie() } })
      if (result.removed) return reply({ notice: `${result.email} is removed from ${admin.organisationName}.` })
      return result.reason === 'last-admin'
        ? reply({ problem: `${admin.organisationName} needs at least one admin: make someone else admin first.` }, 409)
        : reply({ problem: 'That person is not a member of your organisation.' }, 404)
    }
    case 'end-sessions': {
      const parsed = parseFormData(TeamMemberSchema, formData)
      if (!parsed.ok) throw badRequest('Which member? The form was incomplete.')
      const ended = await endMemberSessions(db, {
        organisationId: admin.organisationId,
        userId: parsed.data.userId,
        actorUserId: admin.userId,
      })
      if (!ended) return reply({ problem: 'That person is not a member of your organisation.' }, 404)
      const count = ended.endedSessions === 1 ? '1 session' : `${ended.endedSessions} sessions`
      return reply({ notice: `${ended.email} is logged out everywhere (${count} ended).` })
    }
    case 'invite':
      return invite(admin, formData)
    default:
      throw badRequest('Unknown action.')
  }
}

async function invite(admin: Awaited<ReturnType<typeof requirePermission>>, formData: FormData) {
  const parsed = parseFormData(InviteTeammateSchema, formData)
  if (!parsed.ok) return data<TeamReply>({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  if (!can(admin.role, 'team:manage') && !(AUDITOR_INVITE_ROLES as readonly string[]).includes(parsed.data.role)) {
    return data<TeamReply>(
      {
        errors: { role: 'Managers invite auditors; ask an admin to invite other roles.' },
        values: { email: parsed.data.email },
      },
      { status: 403 },
    )
  }
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
    return data<TeamReply>({ invited: parsed.data.email, sendFailed: sent.status === 'failed' })
  } catch (error) {
    if (!(error instanceof AlreadyMemberError)) throw error
    return data<TeamReply>(
      { errors: { email: error.message }, values: { email: parsed.data.email, role: parsed.data.role } },
      { status: 400 },
    )
  }
}

export default function Team() {
  const { members, pending, canManage, canInviteAuditors, you } = useLoaderData<typeof loader>()
  const roles = canManage ? ROLES : AUDITOR_INVITE_ROLES
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
      {actionData?.notice ? (
        <div className="notice" role="status">
          {actionData.notice}
        </div>
      ) : null}
      <FormError>{actionData?.problem}</FormError>
      <div className="two-columns">
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <MembersTable members={members} canManage={canManage} you={you} />
          {canManage ? <PendingInvitations pending={pending} /> : null}
        </section>
        {canInviteAuditors ? (
          <section className="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading" style={{ marginTop: 0 }}>
              {canManage ? 'Invite a teammate' : 'Invite an auditor'}
            </h2>
            {canManage ? null : (
              <p className="muted">An auditor reads every engagement, report and audit log, and changes nothing.</p>
            )}
            {actionData?.invited ? (
              <div className="notice" role="status">
                {actionData.sendFailed
                  ? `The invitation for ${actionData.invited} is saved, but the email could not be sent. Check the mail settings and invite again.`
                  : `Invitation sent to ${actionData.invited}.`}
              </div>
            ) : null}
            <FormError>{errorFor('form')}</FormError>
            <Form method="post" noValidate onSubmit={onSubmit}>
              <input type="hidden" name="intent" value="invite" />
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
                  defaultValue={actionData?.values?.role ?? (canManage ? 'member' : 'auditor')}
                  aria-invalid={errorFor('role') ? true : undefined}
                  aria-describedby={errorFor('role') ? 'role-error' : undefined}
                  {...form.register('role')}
                >
                  {roles.map((role) => (
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
