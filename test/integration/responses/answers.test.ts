import { beforeAll, describe, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { listAnswers, ResponseSubmittedError, saveAnswer } from '#app/responses/answers.server.ts'
import { reopenResponse, submitResponse } from '#app/responses/submission.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'

beforeAll(async () => {
  await migrateToLatest(getDb())
})

async function invitation() {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const id = newId()
  const now = nowIso()
  await insertInvitation(getDb(), {
    id,
    organisation_id: org.organisationId,
    engagement_id: engagementId,
    vendor_company: 'Vendor',
    vendor_country: 'IN',
    contact_name: 'V',
    contact_email: `${id}@vendor.example`,
    token_hash: id,
    expires_at: '2099-01-01T00:00:00.000Z',
    created_at: now,
  })
  return { invitationId: id, organisationId: org.organisationId, userId: org.userId }
}

describe('answers with optimistic concurrency', () => {
  test('the first answer creates the response and moves the invitation to in progress', async () => {
    const { invitationId } = await invitation()
    expect(
      await saveAnswer(getDb(), {
        invitationId,
        questionId: 'storage.primaryCountries',
        value: ['US'],
        baseVersion: 0,
      }),
    ).toEqual({ status: 'saved', version: 1 })
    const row = await getDb()
      .selectFrom('invitation')
      .select(['status', 'started_at'])
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('in-progress')
    expect(row.started_at).not.toBeNull()
    const response = await getDb()
      .selectFrom('response')
      .select(['questionnaire_id', 'questionnaire_version'])
      .where('invitation_id', '=', invitationId)
      .executeTakeFirstOrThrow()
    expect(response).toEqual({ questionnaire_id: 'cross-border-core', questionnaire_version: 1 })
  })

  test('a save from a stale tab is a conflict carrying the stored value, never an overwrite', async () => {
    const { invitationId } = await invitation()
    await saveAnswer(getDb(), { invitationId, questionId: 'incident.notificationHours', value: 24, baseVersion: 0 })
    await saveAnswer(getDb(), { invitationId, questionId: 'incident.notificationHours', value: 12, baseVersion: 1 })
    const stale = await saveAnswer(getDb(), {
      invitationId,
      questionId: 'incident.notificationHours',
      value: 72,
      baseVersion: 1,
    })
    expect(stale).toEqual({ status: 'conflict', currentValue: 12, currentVersion: 2 })
    expect(await listAnswers(getDb(), { invitationId })).toEqual([
      { questionId: 'incident.notificationHours', value: 12, version: 2 },
    ])
  })

  test('200 racing save pairs on the same answer: each pair has one winner and one conflict, nothing lost silently', async () => {
    const { invitationId } = await invitation()
    const questionId = 'handling.encryptionAtRest'
    let version = 0
    let lastWinner: unknown
    for (let pair = 0; pair < 200; pair++) {
      const a = { from: 'tab A', pair }
      const b = { from: 'tab B', pair }
      const results = await Promise.all([
        saveAnswer(getDb(), { invitationId, questionId, value: a, baseVersion: version }),
        saveAnswer(getDb(), { invitationId, questionId, value: b, baseVersion: version }),
      ])
      const saved = results.filter((r) => r.status === 'saved')
      const conflicts = results.filter((r) => r.status === 'conflict')
      expect(saved).toHaveLength(1)
      expect(conflicts).toHaveLength(1)
      const winner = results[0]?.status === 'saved' ? a : b
      // The loser is told exactly what won.
      expect(conflicts[0]).toEqual({ status: 'conflict', currentValue: winner, currentVersion: version + 1 })
      version += 1
      lastWinner = winner
    }
    expect(await listAnswers(getDb(), { invitationId })).toEqual([{ questionId, value: lastWinner, version: 200 }])
  })

  test('10 replayed submits give one submission and one audit event; answers are then read-only', async () => {
    const { invitationId } = await invitation()
    await saveAnswer(getDb(), { invitationId, questionId: 'contract.baa', value: true, baseVersion: 0 })
    const results = await Promise.all(Array.from({ length: 10 }, () => submitResponse(getDb(), { invitationId })))
    expect(results.filter((r) => r.firstSubmission)).toHaveLength(1)
    const events = await getDb()
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'response.submitted')
      .where('actor_invitation_id', '=', invitationId)
      .execute()
    expect(events).toHaveLength(1)
    const invitationRow = await getDb()
      .selectFrom('invitation')
      .select('status')
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow()
    expect(invitationRow.status).toBe('submitted')
    await expect(
      saveAnswer(getDb(), { invitationId, questionId: 'contract.baa', value: false, baseVersion: 1 }),
    ).rejects.toBeInstanceOf(ResponseSubmittedError)
  })

  test('the buyer reopens a submitted response (audited with the message); the vendor can edit again', async () => {
    const { invitationId, organisationId, userId } = await invitation()
    await saveAnswer(getDb(), { invitationId, questionId: 'contract.baa', value: false, baseVersion: 0 })
    await submitResponse(getDb(), { invitationId })
    expect(await reopenResponse(getDb(), { organisationId: 'another-org', invitationId, userId, message: 'x' })).toBe(
      false,
    )
    expect(
      await reopenResponse(getDb(), { organisationId, invitationId, userId, message: 'Please confirm the BAA' }),
    ).toBe(true)
    expect(
      await saveAnswer(getDb(), { invitationId, questionId: 'contract.baa', value: true, baseVersion: 1 }),
    ).toEqual({ status: 'saved', version: 2 })
    const event = await getDb()
      .selectFrom('audit_event')
      .select('detail_json')
      .where('action', '=', 'response.reopened')
      .where('subject_id', '=', invitationId)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(event.detail_json)).toEqual({ message: 'Please confirm the BAA' })
  })
})
