import { getDb } from '#app/db.server.ts'
import { addEvidence } from '#app/evidence/evidence.server.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { saveAnswer } from '#app/responses/answers.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { newSecretToken } from '#app/utils/tokens.server.ts'

/**
 * A vendor invited to an engagement, written straight to this test file's database: its answers
 * saved, evidence uploaded and, unless `submit: false`, submitted (which assesses it) as the
 * vendor's submit does.
 */
export async function createVendor(
  organisationId: string,
  engagementId: string,
  {
    company,
    country = 'IN',
    answers = {},
    evidence = [],
    submit = true,
  }: {
    company: string
    country?: string
    answers?: Record<string, unknown>
    evidence?: { questionId: string; fileName: string; bytes: Uint8Array }[]
    submit?: boolean
  },
) {
  const invitationId = newId()
  const now = nowIso()
  await insertInvitation(getDb(), {
    id: invitationId,
    organisation_id: organisationId,
    engagement_id: engagementId,
    vendor_company: company,
    vendor_country: country,
    contact_name: 'Vendor Contact',
    contact_email: `contact-${invitationId}@vendor.example`,
    token_hash: newSecretToken().tokenHash,
    expires_at: '2099-12-31T00:00:00.000Z',
    created_at: now,
  })
  for (const [questionId, value] of Object.entries(answers))
    await saveAnswer(getDb(), { invitationId, questionId, value, baseVersion: 0 })
  const evidenceIds: string[] = []
  for (const file of evidence) evidenceIds.push((await addEvidence(getDb(), { invitationId, ...file })).id)
  if (submit) {
    await submitResponse(getDb(), { invitationId })
  }
  return { invitationId, evidenceIds }
}
