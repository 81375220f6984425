import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { insertAuditEvent } from './queries.server.ts'

type AuditActor = { type: 'user'; userId: string } | { type: 'vendor'; invitationId: string } | { type: 'system' }

/**
 * Records one state change in the audit log. Call it inside the same transaction as the change,
 * so the log never claims something that did not happen (or misses something that did).
 */
export async function recordAuditEvent(
  db: Kysely<Database>,
  event: {
    organisationId: string | null
    engagementId?: string | null
    actor: AuditActor
    action: string
    subjectType: string
    subjectId: string
    detail?: Record<string, unknown>
    /** When it happened; now unless given (the demo seed dates its history). */
    at?: string
  },
): Promise<void> {
  await insertAuditEvent(db, {
    id: newId(),
    organisation_id: event.organisationId,
    engagement_id: event.engagementId ?? null,
    actor_type: event.actor.type,
    actor_user_id: event.actor.type === 'user' ? event.actor.userId : null,
    actor_invitation_id: event.actor.type === 'vendor' ? event.actor.invitationId : null,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    detail_json: JSON.stringify(event.detail ?? {}),
    created_at: event.at ?? nowIso(),
  })
}
