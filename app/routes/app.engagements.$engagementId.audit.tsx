import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ACTION_GROUPS, auditFilterSearch, parseAuditFilter } from '#app/audit/audit-filter.ts'
import { readEngagementAuditLog } from '#app/audit/audit-log.server.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { findEngagement } from '#app/engagements/queries.server.ts'
import { invariantResponse } from '#app/utils/http.ts'

/** The newest events the page shows; the CSV has more (AUDIT_CSV_LIMIT). */
const PAGE_LIMIT = 500

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const engagement = await findEngagement(db, {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
  })
  invariantResponse(engagement, 'Engagement not found', { status: 404 })
  const { filter, problems } = parseAuditFilter(new URL(request.url).searchParams)
  const log = await readEngagementAuditLog(
    db,
    { organisationId: member.organisationId, engagementId: engagement.id },
    { filter, limit: PAGE_LIMIT },
  )
  return { ...log, filter, problems, limited: log.events.length === PAGE_LIMIT }
}

export default function AuditLog() {
  const { events, actors, vendorsOverflow, filter, problems, limited } = useLoaderData<typeof loader>()
  const filtered = Object.values(filter).some(Boolean)
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" style={{ marginTop: 0 }}>
        Audit log
      </h2>
      <Form method="get" className="filters audit-filters" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-type">What</label>
          <select id="audit-type" name="type" defaultValue={filter.type ?? ''}>
            <option value="">Every kind of action</option>
            {Object.entries(ACTION_GROUPS).map(([id, group]) => (
              <option key={id} value={id}>
                {group.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ''}>
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
          {vendorsOverflow ? (
            <p className="hint">
              Too many vendors acted to list each: choose “Any vendor”, or open a vendor’s page and follow “What this
              vendor did”.
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC)</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ''} />
        </div>
        <div className="filter-actions">
          <button type="submit">Filter</button>
          {filtered ? <Link to=".">Show everything</Link> : null}
        </div>
      </Form>
      {problems.length > 0 ? (
        <div className="form-error" role="status">
          <ul className="plain-list">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <a className="button-link" href={`audit.csv${auditFilterSearch(filter)}`} download>
          Download CSV{filtered ? ' (filtered)' : ''}
        </a>
      </p>
      {events.length === 0 ? (
        <div className="panel empty-state">
          <h3>{filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}</h3>
        </div>
      ) : (
        <table className="data audit-log">
          <caption className="visually-hidden">
            Audit log, newest first{filtered ? ', filtered' : ''}
            {limited ? `; the newest ${events.length} events (the CSV has them all)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">What happened</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{event.at}</td>
                <td>{event.sentence}</td>
                <td>
                  {event.details.length > 0 ? (
                    <ul className="plain-list">
                      {event.details.map((line, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one event, fixed order
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {limited ? (
        <p className="muted">Showing the newest {events.length} events. Narrow the filters, or download the CSV.</p>
      ) : null}
    </section>
  )
}
