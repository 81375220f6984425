import { Form, useNavigation } from '@remix-run/react'
import type { InvitationPanelData } from './invitation.ts'
import { MAX_REOPEN_MESSAGE, STATUS_LABELS } from './status.ts'

export type InvitationReply = { intent: string; ok: boolean; message?: string }

/**
 * The vendor's invitation on the vendor's page: its state, and what the buyer can do with it. A
 * submitted questionnaire is the vendor's record: it is reopened with a message, not re-linked or
 * revoked. Every action is a plain POST form (no JavaScript needed); the risky ones (revoke,
 * reopen) open with a `<details>` first, which the keyboard reaches like a button.
 */
export function InvitationPanel({
  invitation,
  reply,
}: {
  invitation: InvitationPanelData
  reply: InvitationReply | undefined
}) {
  const busy = useNavigation().state === 'submitting'
  const { status } = invitation
  return (
    <section id="invitation" className="panel invitation-panel no-print" aria-labelledby="invitation-heading">
      <h3 id="invitation-heading">Invitation</h3>
      {reply?.message ? (
        <div className={reply.ok ? 'notice' : 'form-error'} role="status">
          {reply.message}
        </div>
      ) : null}
      <p>
        <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>{' '}
        {status === 'revoked' || status === 'submitted'
          ? null
          : `The link ${status === 'expired' ? 'expired' : 'works until'} ${invitation.expiresAt.slice(0, 10)}.`}
      </p>
      {invitation.lastEmailStatus === 'failed' ? (
        <p className="field-error">The last email to the vendor failed to send.</p>
      ) : null}
      {invitation.archived ? (
        <p className="muted">This engagement is archived: restore it to change its invitations.</p>
      ) : status === 'revoked' ? (
        <p className="muted">The link no longer works. Invite the vendor again to ask for answers.</p>
      ) : status === 'submitted' ? (
        <div className="row-actions">
          <details>
            <summary className="neutral">Reopen…</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="reopen" />
              <label htmlFor="reopen-message">What should the vendor change?</label>
              <textarea
                id="reopen-message"
                name="message"
                rows={3}
                required
                minLength={3}
                maxLength={MAX_REOPEN_MESSAGE}
              />
              <button className="primary" type="submit" disabled={busy}>
                Reopen and email
              </button>
            </Form>
          </details>
        </div>
      ) : (
        <div className="row-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" disabled={busy} title="Email a new link; the old link stops working">
              {invitation.lastEmailStatus === 'failed' ? 'Retry email' : 'New link'}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="extend" />
            <label htmlFor="extend-days">Days to extend</label>
            <input id="extend-days" type="number" name="days" min={1} max={90} defaultValue={7} />
            <button type="submit" disabled={busy}>
              Extend
            </button>
          </Form>
          <details>
            <summary>Revoke…</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <span>The vendor’s link will stop working.</span>
              <button className="danger" type="submit" disabled={busy}>
                Revoke
              </button>
            </Form>
          </details>
        </div>
      )}
    </section>
  )
}
