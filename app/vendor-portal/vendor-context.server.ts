import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { applicableRegimeIds } from '../assessment/engine.ts'
import { getDb } from '../db.server.ts'
import { findEngagementWithProfile } from '../engagements/queries.server.ts'
import { visibleQuestionIds } from '../questionnaire/visibility.ts'
import { ProfileSchema } from '../regulations/profile.ts'
import { listAnswers } from '../responses/answers.server.ts'
import { getVendorInvitation } from './queries.server.ts'
import { readVendorAccess } from './vendor-session.server.ts'

/**
 * Everything a vendor page needs, scoped to the one invitation the vendor's session holds: the
 * pinned questionnaire, the engagement's regimes (for visibility), the stored answers with their
 * versions, and which questions are visible now. Null with a reason when the session is not valid.
 */
export function loadVendorContext(request: Request) {
  return loadVendorContextForCookie(request.headers.get('Cookie'))
}

export async function loadVendorContextForCookie(cookieHeader: string | null) {
  const access = await readVendorAccess(cookieHeader)
  if (!access.ok) return { problem: access.reason } as const
  return loadVendorContextOfInvitation(access.invitationId)
}

/** The same context for an invitation by id, for work done without the vendor's session (emails). */
export async function loadVendorContextOfInvitation(invitationId: string) {
  const db = getDb()
  const invitation = await getVendorInvitation(db, { invitationId })
  const questionnaire = getQuestionnaire(invitation.questionnaireId, invitation.questionnaireVersion)
  if (!questionnaire)
    throw new Error(`questionnaire ${invitation.questionnaireId} v${invitation.questionnaireVersion} is not installed`)
  const engagement = await findEngagementWithProfile(db, {
    organisationId: invitation.organisationId,
    engagementId: invitation.engagementId,
  })
  const profile = ProfileSchema.parse(engagement?.profile)
  const regimes = applicableRegimeIds(profile, regimePacks)
  const stored = await listAnswers(db, { invitationId })
  const answers = Object.fromEntries(stored.map((a) => [a.questionId, a.value]))
  const versions = Object.fromEntries(stored.map((a) => [a.questionId, a.version]))
  const visible = visibleQuestionIds(questionnaire, { answers, regimes, profile })
  return { problem: null, invitation, questionnaire, profile, regimes, answers, versions, visible } as const
}

/** A vendor page's context once the session is valid. */
export type VendorContext = Awaited<ReturnType<typeof loadVendorContextOfInvitation>>
