import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { listOutboundEmails } from '#app/mail/queries.server.ts'

export const meta: MetaFunction = () => [{ title: 'Outbox · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'outbox:read')
  const emails = await listOutboundEmails(getDb(), { organisationId: admin.organisationId })
  return { emails, smtpConfigured: !!getEnv().smtpUrl }
}

const STATUS_TEXT = { outbox: 'In outbox (not sent)', queued: 'Sending', sent: 'Sent', failed: 'Failed' } as const

export default function Outbox() {
  const { emails, smtpConfigured } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Outbox</h1>
          <p>
            {smtpConfigured
              ? 'Every email Shoreline sent for your organisation, with failures. Links in sent emails are hidden here.'
              : 'No mail server is configured (SMTP_URL), so emails stay here instead of being sent. Links work: open them to act as the recipient.'}
          </p>
        </div>
      </div>
      {emails.length === 0 ? (
        <section className="panel empty-state">
          <h2>No emails yet</h2>
          <p>Invitations, reminders and teammate invitations appear here.</p>
        </section>
      ) : (
        <ul className="outbox">
          {emails.map((email) => (
            <li key={email.id} className="panel">
              <p>
                <span className={`badge status-${email.status}`}>{STATUS_TEXT[email.status]}</span>{' '}
                <strong>{email.subject}</strong>
              </p>
              <p className="muted">
                To {email.to} · {email.createdAt.slice(0, 16).replace('T', ' ')} UTC · {email.kind}
              </p>
              {email.lastError ? <p className="field-error">Error: {email.lastError}</p> : null}
              <details>
                <summary>Message</summary>
                <pre className="email-body">{email.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
