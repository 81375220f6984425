import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { listEngagementAuditEvents } from '#app/audit/queries.server.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { findEngagement } from '#app/engagements/queries.server.ts'
import { invariantResponse } from '#app/utils/http.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const engagement = await findEngagement(db, {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
  })
  invariantResponse(engagement, 'Engagement not found', { status: 404 })
  const events = await listEngagementAuditEvents(db, {
    organisationId: member.organisationId,
    engagementId: engagement.id,
  })
  return { events }
}

const ACTIONS: Record<string, string> = {
  'engagement.created': 'created the engagement',
  'engagement.archived': 'archived the engagement',
  'engagement.restored': 'restored the engagement',
  'profile.updated': 'changed the regulatory profile',
  'invitation.created': 'invited a vendor',
  'invitation.resent': 'sent a new link',
  'invitation.revoked': 'revoked an invitation',
  'invitation.extended': 'extended an invitation',
  'invitation.reminded': 'sent a reminder',
  'invitation.opened': 'opened the invitation link',
  'response.submitted': 'submitted the questionnaire',
  'vendor.language-changed': 'changed the language of its emails',
  'response.reopened': 'reopened the questionnaire',
  'assessment.recomputed': 're-assessed the vendor',
  'assessment.verdict-changed': 'changed a verdict under a new rules release',
  'vendor.decided': 'recorded a decision',
}

function describeDetail(json: string): string {
  const detail = JSON.parse(json) as Record<string, unknown>
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ')
}

export default function AuditLog() {
  const { events } = useLoaderData<typeof loader>()
  if (events.length === 0) {
    return (
      <section className="panel empty-state">
        <h2>Nothing recorded yet</h2>
      </section>
    )
  }
  return (
    <table className="data">
      <caption className="visually-hidden">Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>{event.createdAt.slice(0, 19).replace('T', ' ')}</td>
            <td>
              {event.actorType === 'user'
                ? (event.userName ?? 'A former user')
                : event.actorType === 'vendor'
                  ? `${event.vendorCompany ?? 'Vendor'} (vendor)`
                  : 'Shoreline (automatic)'}
            </td>
            <td>{ACTIONS[event.action] ?? event.action}</td>
            <td className="muted">{describeDetail(event.detailJson)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
