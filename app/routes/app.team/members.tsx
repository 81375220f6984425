import { Form } from '@remix-run/react'

type MemberRow = { userId: string; name: string; email: string; role: string }
type PendingRow = { id: string; email: string; role: string; expiresAt: string }

/**
 * The organisation's members; admins get, per member, Log out (ends that member's sessions here)
 * and Remove (the server keeps the last admin).
 */
export function MembersTable({ members, canManage, you }: { members: MemberRow[]; canManage: boolean; you: string }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          {canManage ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.userId}>
            <td>
              {m.name}
              {m.userId === you ? ' (you)' : ''}
            </td>
            <td>{m.email}</td>
            <td>
              <span className="badge">{m.role}</span>
            </td>
            {canManage ? (
              <td>
                <div className="member-actions">
                  {m.userId === you ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-sessions" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button className="button secondary" type="submit" aria-label={`Log out ${m.name} (${m.email})`}>
                        Log out
                      </button>
                    </Form>
                  )}
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <button className="danger" type="submit" aria-label={`Remove ${m.name} (${m.email})`}>
                      Remove
                    </button>
                  </Form>
                </div>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Invitations sent and not yet accepted, each with a Withdraw button that kills its link. */
export function PendingInvitations({ pending }: { pending: PendingRow[] }) {
  if (pending.length === 0) return null
  return (
    <>
      <h2>Invited, not yet joined</h2>
      <ul className="pending-invitations">
        {pending.map((p) => (
          <li key={p.id}>
            {p.email} as {p.role} — link valid until {p.expiresAt.slice(0, 10)}{' '}
            <Form method="post" style={{ display: 'inline' }}>
              <input type="hidden" name="intent" value="revoke-invitation" />
              <input type="hidden" name="invitationId" value={p.id} />
              <button className="danger" type="submit" aria-label={`Withdraw the invitation for ${p.email}`}>
                Withdraw
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  )
}
