import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { certificateStatus } from '../assessment/certificates.ts'
import { addDays, daysBetween, isIsoDate } from '../assessment/dates.ts'
import { type Assessment, applicableRegimeIds } from '../assessment/engine.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { findEngagementWithProfile } from '../engagements/queries.server.ts'
import { describeDiff, diffAssessments } from '../history/diff.ts'
import { issueExtraLink } from '../invitations/invitations.server.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { questionsById } from '../questionnaire/answers.ts'
import { ProfileSchema } from '../regulations/profile.ts'
import {
  findCurrentAssessmentOfInvitation,
  getVendorContact,
  listManagerEmails,
} from '../remediation/queries.server.ts'
import { emailVendorWithLink } from '../remediation/vendor-email.server.ts'
import { certificationTypeLabel } from '../reports/answer-text.ts'
import { assessResponse } from '../responses/assessments.server.ts'
import { markInvitationReopened, reopenSubmittedResponse } from '../responses/queries.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { certificateNoticeDue } from './certificate-notices.ts'
import {
  claimCertificateNotice,
  claimReview,
  extendInvitationUntil,
  listCertificateCandidates,
  listReviewCandidates,
  listReviewVendors,
  setCertificateNoticeStatus,
  setReviewEmailStatus,
  updateReviewCadence,
} from './queries.server.ts'
import { cadenceMonths, DEFAULT_CADENCE_MONTHS, inherentTier, nextReviewOn, type Tier } from './tier.ts'

/** How long a vendor has to confirm or update its answers once a review starts. */
export const REVIEW_ANSWER_DAYS = 30

type EngagementScope = { organisationId: string; engagementId: string }

/** What the engagement's review tab shows: tier, reasons, cadence and each vendor's next review. */
export async function loadReviewOverview(
  db: Kysely<Database>,
  { scope, today = nowIso().slice(0, 10) }: { scope: EngagementScope; today?: string },
) {
  const found = await findEngagementWithProfile(db, scope)
  if (!found) return undefined
  const profile = ProfileSchema.parse(found.profile)
  const { tier, reasons } = inherentTier(profile, applicableRegimeIds(profile, regimePacks))
  const override = found.engagement.review_cadence_months
  const months = cadenceMonths(tier, override)
  const vendors = (await listReviewVendors(db, scope)).map((v) => {
    const next = v.submittedAt ? nextReviewOn(v.submittedAt, months) : null
    return {
      invitationId: v.invitationId,
      company: v.company,
      status: v.status,
      lastSubmittedOn: v.submittedAt?.slice(0, 10) ?? null,
      nextReviewOn: v.status === 'submitted' ? next : null,
      due: v.status === 'submitted' && next !== null && today >= next,
      lastReviewDueOn: v.lastReviewDueOn ?? null,
    }
  })
  return {
    tier,
    reasons,
    months,
    override: override ?? null,
    defaultMonths: DEFAULT_CADENCE_MONTHS[tier],
    defaults: DEFAULT_CADENCE_MONTHS,
    vendors,
    archived: found.engagement.status === 'archived',
  }
}

/** Sets (or, with null, clears) the engagement's own review cadence; audited. False outside the scope. */
export async function setReviewCadence(
  db: Kysely<Database>,
  { scope, userId, months }: { scope: EngagementScope; userId: string; months: number | null },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateReviewCadence(trx, { ...scope, months, now: nowIso() }))) return false
    await recordAuditEvent(trx, {
      organisationId: scope.organisationId,
      engagementId: scope.engagementId,
      actor: { type: 'user', userId },
      action: 'review.cadence-set',
      subjectType: 'engagement',
      subjectId: scope.engagementId,
      detail: { months },
    })
    return true
  })
}

/**
 * Review invitations (a durable job, hourly): every submitted vendor whose review is due by its
 * engagement's cadence is asked once per due date to confirm or update its answers. Its response
 * is reopened with the last answers in place (the pre-filled form), its link extended for 30 days,
 * and an email sent in its language. Claiming the (vendor, due date) row first makes a second run,
 * or a second process, send nothing.
 */
export async function sendDueReviewInvitations(
  db: Kysely<Database>,
  { origin, now = new Date() }: { origin: string; now?: Date },
): Promise<{ invited: number }> {
  const today = nowIso(now).slice(0, 10)
  const at = nowIso(now)
  const tiers = new Map<string, Tier>()
  let invited = 0
  for (const c of await listReviewCandidates(db)) {
    if (!c.submittedAt) continue
    let tier = tiers.get(c.engagementId)
    if (!tier) {
      const profile = ProfileSchema.parse(JSON.parse(c.profileJson))
      tier = inherentTier(profile, applicableRegimeIds(profile, regimePacks)).tier
      tiers.set(c.engagementId, tier)
    }
    const dueOn = nextReviewOn(c.submittedAt, cadenceMonths(tier, c.cadenceMonths))
    if (today < dueOn) continue
    const answerBy = addDays(today, REVIEW_ANSWER_DAYS)
    const reviewId = newId()
    const token = await db.transaction().execute(async (trx) => {
      if (!(await claimReview(trx, { id: reviewId, invitationId: c.invitationId, dueOn, now: at }))) return null
      if (!(await reopenSubmittedResponse(trx, { invitationId: c.invitationId, now: at }))) return null
      await markInvitationReopened(trx, { invitationId: c.invitationId, now: at })
      await extendInvitationUntil(trx, { invitationId: c.invitationId, until: `${answerBy}T23:59:59.000Z`, now: at })
      await recordAuditEvent(trx, {
        organisationId: c.organisationId,
        engagementId: c.engagementId,
        actor: { type: 'system' },
        action: 'review.invited',
        subjectType: 'invitation',
        subjectId: c.invitationId,
        detail: { dueOn, tier, answerBy },
      })
      return issueExtraLink(trx, { invitationId: c.invitationId })
    })
    if (!token) continue
    const sent = await emailVendorWithLink(db, {
      organisationId: c.organisationId,
      invitationId: c.invitationId,
      kind: 'review-due',
      token,
      origin,
      compose: (email, context) => email.reviewDue({ ...context, dueDate: answerBy }),
    })
    await setReviewEmailStatus(db, { id: reviewId, status: sent.status })
    invited++
  }
  return { invited }
}

type HeldCertificate = { type: string; issued: string; expires?: string; edition?: string }

function heldCertificates(json: string): HeldCertificate[] {
  const value: unknown = JSON.parse(json)
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return []
    const { type, issued, expires, edition } = item as Record<string, unknown>
    if (typeof type !== 'string' || !isIsoDate(issued)) return []
    return [
      {
        type,
        issued,
        ...(isIsoDate(expires) ? { expires } : {}),
        ...(typeof edition === 'string' && edition !== '' ? { edition } : {}),
      },
    ]
  })
}

/**
 * Certificate notices (a durable job, hourly). For each certificate in a submitted vendor's
 * register that counted at its current assessment, the engine's last valid day decides: the vendor
 * is emailed 60, 30 and 7 days before it (once each); the day after it, the vendor is re-assessed
 * as of that day and the buyer's managers and admins are emailed what changed. Each notice is a
 * claimed row, so a second run sends nothing and re-assesses nothing.
 */
export async function sendCertificateNotices(
  db: Kysely<Database>,
  { origin, now = new Date() }: { origin: string; now?: Date },
): Promise<{ notices: number; reassessed: number }> {
  const today = nowIso(now).slice(0, 10)
  const at = nowIso(now)
  let notices = 0
  let reassessed = 0
  for (const c of await listCertificateCandidates(db)) {
    const question = questionsById(getQuestionnaire(c.questionnaireId, c.questionnaireVersion)!).get(
      'certifications.held',
    )
    for (const cert of heldCertificates(c.heldJson)) {
      const validUntil = certificateStatus(cert, c.asOf).validUntil
      if (!validUntil) continue
      const kind = certificateNoticeDue(validUntil, today)
      if (!kind) continue
      const noticeId = newId()
      const claim = {
        id: noticeId,
        invitationId: c.invitationId,
        certificateType: cert.type,
        validUntil,
        kind,
        now: at,
      }
      const label = certificationTypeLabel(cert.type, question)
      if (kind !== 'ended') {
        if (!(await claimCertificateNotice(db, claim))) continue
        const token = await issueExtraLink(db, { invitationId: c.invitationId })
        const sent = await emailVendorWithLink(db, {
          organisationId: c.organisationId,
          invitationId: c.invitationId,
          kind: `certificate-ending-${kind}`,
          token,
          origin,
          compose: (email, context) =>
            email.certificateEnding({
              ...context,
              certificate: label,
              validUntil,
              days: daysBetween(today, validUntil),
            }),
        })
        await setCertificateNoticeStatus(db, { id: noticeId, status: sent.status })
        await recordAuditEvent(db, {
          organisationId: c.organisationId,
          engagementId: c.engagementId,
          actor: { type: 'system' },
          action: 'certificate.ending-notified',
          subjectType: 'invitation',
          subjectId: c.invitationId,
          detail: { certificate: cert.type, validUntil, days: kind, emailStatus: sent.status },
        })
        notices++
        continue
      }
      const changed = await reassessWhenCertificateEnds(db, { candidate: c, claim, certificate: label, today })
      if (!changed) continue
      reassessed++
      await notifyManagers(db, { candidate: c, certificate: label, validUntil, lines: changed, origin })
    }
  }
  return { notices, reassessed }
}

/** The re-assessment on the day a certificate no longer counts; the diff's lines, or null when already done. */
async function reassessWhenCertificateEnds(
  db: Kysely<Database>,
  {
    candidate: c,
    claim,
    certificate,
    today,
  }: {
    candidate: { invitationId: string; organisationId: string; engagementId: string; responseId: string }
    claim: Parameters<typeof claimCertificateNotice>[1]
    certificate: string
    today: string
  },
): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimCertificateNotice(trx, claim))) return null
    const before = await findCurrentAssessmentOfInvitation(trx, { invitationId: c.invitationId })
    const after = await assessResponse(trx, { responseId: c.responseId, asOf: today })
    const lines = before
      ? describeDiff(
          diffAssessments(
            { assessment: JSON.parse(before.resultJson) as Assessment, answers: null },
            { assessment: after.assessment, answers: null },
          ),
        )
      : []
    await recordAuditEvent(trx, {
      organisationId: c.organisationId,
      engagementId: c.engagementId,
      actor: { type: 'system' },
      action: 'certificate.ended',
      subjectType: 'invitation',
      subjectId: c.invitationId,
      detail: { certificate, validUntil: claim.validUntil, assessmentId: after.id, changes: lines },
    })
    return lines
  })
}

async function notifyManagers(
  db: Kysely<Database>,
  {
    candidate: c,
    certificate,
    validUntil,
    lines,
    origin,
  }: {
    candidate: { invitationId: string; organisationId: string; engagementId: string }
    certificate: string
    validUntil: string
    lines: string[]
    origin: string
  },
) {
  const vendor = await getVendorContact(db, { invitationId: c.invitationId })
  const history = `${origin}/app/engagements/${c.engagementId}/vendors/${c.invitationId}/history`
  for (const manager of await listManagerEmails(db, { organisationId: c.organisationId })) {
    await sendEmail(db, {
      organisationId: c.organisationId,
      kind: 'certificate-ended',
      to: manager.email,
      subject: `${vendor.company}: ${certificate} ended on ${validUntil}; re-assessed`,
      text: `${vendor.company}'s ${certificate} counted until ${validUntil}, so ${vendor.company} was re-assessed for "${vendor.engagementName}" as of today.\n\nWhat changed:\n${lines.map((l) => `- ${l}`).join('\n')}\n\nSee the history and the diff:\n${history}`,
    })
  }
}
