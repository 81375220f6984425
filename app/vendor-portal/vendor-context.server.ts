import { LRUCache } from 'lru-cache'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { applicableRegimeIds } from '../assessment/engine.ts'
import { getDb } from '../db.server.ts'
import { findEngagementWithProfile } from '../engagements/queries.server.ts'
import { visibleQuestionIds } from '../questionnaire/visibility.ts'
import { ProfileSchema } from '../regulations/profile.ts'
import { listAnswers } from '../responses/answers.server.ts'
import { findVendorSaveContext, getVendorInvitation } from './queries.server.ts'
import { admitVendorSession, readVendorAccess, vendorSessionIdHash } from './vendor-session.server.ts'

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

/**
 * What an autosave needs, read in one statement where a page's context takes four or five (it runs
 * on every save, README decision 95): the session judged as on every vendor request, the pinned
 * questionnaire, the regimes of the engagement's profile, and which questions are visible now.
 */
export async function loadVendorSaveContext(cookieHeader: string | null) {
  const idHash = await vendorSessionIdHash(cookieHeader)
  if (!idHash) return { problem: 'no-session' } as const
  const db = getDb()
  const row = await findVendorSaveContext(db, { idHash })
  const access = await admitVendorSession(idHash, row)
  if (!access.ok || !row) return { problem: access.ok ? 'no-session' : access.reason } as const
  const questionnaire = getQuestionnaire(row.questionnaireId, row.questionnaireVersion)
  if (!questionnaire)
    throw new Error(`questionnaire ${row.questionnaireId} v${row.questionnaireVersion} is not installed`)
  const { profile, regimes } = regimesOfProfile(row.profileJson)
  const answers = Object.fromEntries(
    row.answers.map(([questionId, valueJson]) => [questionId, JSON.parse(valueJson) as unknown]),
  )
  const visible = visibleQuestionIds(questionnaire, { answers, regimes, profile })
  return { problem: null, invitationId: row.invitationId, responseId: row.responseId, questionnaire, visible } as const
}

// The regimes of a profile's stored text, kept for the last 64 profiles: every save of an
// engagement's vendors reads the same text, and parsing it and deciding its regimes is the same work.
const profiles = new LRUCache<
  string,
  { profile: ReturnType<typeof ProfileSchema.parse>; regimes: ReturnType<typeof applicableRegimeIds> }
>({ max: 64 })
function regimesOfProfile(profileJson: string) {
  let known = profiles.get(profileJson)
  if (!known) {
    const profile = ProfileSchema.parse(JSON.parse(profileJson))
    known = { profile, regimes: applicableRegimeIds(profile, regimePacks) }
    profiles.set(profileJson, known)
  }
  return known
}
