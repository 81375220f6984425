import { ItemStateBadge } from '#app/remediation/components/item-state-badge.tsx'
import type { RequestView } from '#app/remediation/requests.server.ts'

/** Every request, newest first: its due date and message, then each item with its state and reply. */
export function RequestsList({ requests }: { requests: RequestView[] }) {
  return (
    <section aria-labelledby="requests-heading">
      <h3 id="requests-heading">Requested changes</h3>
      {requests.length === 0 ? <p className="muted">No changes have been requested from this vendor.</p> : null}
      {requests.map((request) => (
        <section key={request.id} className="panel" aria-label={`Request of ${request.createdAt.slice(0, 10)}`}>
          <p>
            <strong>{`Sent ${request.createdAt.slice(0, 10)}${request.createdBy ? ` by ${request.createdBy}` : ''}, due ${request.dueOn}`}</strong>{' '}
            <span className="badge">{request.status === 'open' ? 'Open' : 'Closed'}</span>
          </p>
          {request.message ? <blockquote>{request.message}</blockquote> : null}
          <p className="muted">
            {request.vendorSentAt
              ? `The vendor last sent changes on ${request.vendorSentAt.slice(0, 10)}.`
              : 'The vendor has not replied yet.'}
          </p>
          <ol className="item-states">
            {request.items.map((item) => (
              <li key={item.id} className="item-card" data-rule={item.ruleId}>
                <p>
                  <ItemStateBadge state={item.state} />{' '}
                  <span className={`badge severity-${item.finding.severity}`}>{item.finding.severity}</span>{' '}
                  {item.finding.message}
                </p>
                <p className="muted small">{`${item.finding.citation} · rule ${item.ruleId}`}</p>
                {item.replyKind === 'dispute' ? (
                  <p>
                    <strong>Disputed:</strong> {item.replyText}
                  </p>
                ) : null}
                {item.replyKind === 'will-fix' ? (
                  <p>
                    <strong>{`Will fix by ${item.fixBy}.`}</strong>
                  </p>
                ) : null}
                {item.replyKind === 'changed' ? <p>The vendor changed its answers or sent evidence.</p> : null}
                {item.resolvedAt ? (
                  <p className="muted">{`Resolved on ${item.resolvedAt.slice(0, 10)}: the re-assessment no longer raises it.`}</p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  )
}
