import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { findInvitationByTokenHash } from '../invitations/queries.server.ts'
import { nowIso } from '../utils/ids.ts'
import { hashToken } from '../utils/tokens.server.ts'
import { markInvitationOpened } from './queries.server.ts'

export type LinkOutcome =
  | { kind: 'open'; invitationId: string; generation: number; expiresAt: string }
  | { kind: 'unknown' | 'revoked' | 'expired' }

/**
 * Follows a vendor's secret link. A first visit moves the invitation from "invited" to "opened"
 * (audited). An unknown, revoked or expired link says only which of those it is.
 */
export async function openVendorLink(
  db: Kysely<Database>,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<LinkOutcome> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'unknown' }
  const invitation = await findInvitationByTokenHash(db, { tokenHash: hashToken(token) })
  if (!invitation) return { kind: 'unknown' }
  if (invitation.status === 'revoked') return { kind: 'revoked' }
  if (invitation.status !== 'submitted' && Date.parse(invitation.expires_at) <= now.getTime())
    return { kind: 'expired' }
  if (invitation.status === 'invited') {
    const at = nowIso(now)
    await db.transaction().execute(async (trx) => {
      if (await markInvitationOpened(trx, { invitationId: invitation.id, now: at })) {
        await recordAuditEvent(trx, {
          organisationId: invitation.organisation_id,
          engagementId: invitation.engagement_id,
          actor: { type: 'vendor', invitationId: invitation.id },
          action: 'invitation.opened',
          subjectType: 'invitation',
          subjectId: invitation.id,
        })
      }
    })
  }
  return {
    kind: 'open',
    invitationId: invitation.id,
    generation: invitation.link_generation,
    expiresAt: invitation.expires_at,
  }
}
