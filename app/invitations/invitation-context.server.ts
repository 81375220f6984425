import { type Member, requireMember } from '../auth/require.server.ts'
import { getDb } from '../db.server.ts'
import { findEngagement } from '../engagements/queries.server.ts'
import { getEnv } from '../env.server.ts'
import { invariantResponse } from '../utils/http.ts'

/**
 * What a route needs before it changes an engagement's invitations: the signed-in member, the
 * engagement of the URL (another organisation's is a 404, exactly like one that does not exist),
 * the buyer as emails name it, and the origin emailed links start with.
 */
export async function requireInvitationContext(request: Request, engagementId: string | undefined) {
  const member: Member = await requireMember(request)
  const engagement = await findEngagement(getDb(), {
    organisationId: member.organisationId,
    engagementId: engagementId ?? '',
  })
  invariantResponse(engagement, 'Engagement not found', { status: 404 })
  return {
    member,
    engagement,
    buyer: { userId: member.userId, organisationName: member.organisationName },
    // Emailed links start at APP_URL (or http://localhost:PORT), never at the request's Host.
    origin: getEnv().publicUrl,
  }
}
