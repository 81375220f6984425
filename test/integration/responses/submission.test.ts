import { beforeAll, describe, expect, test, vi } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { nowIso } from '#app/utils/ids.ts'
import { startVendorSession } from '#app/vendor-portal/vendor-session.server.ts'
import { completeDemoAnswers } from '#db/demo/complete-answers.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { createVendor } from '#test/support/vendors.ts'
import { action as reviewAction } from '../../../app/routes/v.review.tsx'

// The engine, with a way to make one assessment fail (as a bug in a rule pack would).
vi.mock('#app/assessment/engine.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('#app/assessment/engine.ts')>()
  return { ...engine, assess: vi.fn(engine.assess) }
})

beforeAll(async () => {
  await migrateToLatest(getDb())
})

/** A vendor with every required question answered, and the Cookie header of its session. */
async function readyVendor() {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const profile = { homeCountry: 'US', industry: 'healthcare', dataCategories: ['phi'], volumes: {}, flags: {} }
  const certificate = { type: 'iso27001', issued: '2025-06-01', expires: '2028-05-31', edition: '2022' }
  const answers = completeDemoAnswers(
    { 'storage.primaryCountries': ['IN'], 'certifications.held': [certificate] },
    { ...profile, purposes: [] },
    { company: 'Pune Records', country: 'IN' },
  )
  const { invitationId } = await createVendor(org.organisationId, engagementId, {
    company: 'Pune Records',
    answers,
    submit: false,
  })
  const weekAhead = new Date(Date.now() + 7 * 86_400_000).toISOString()
  const cookie = (await startVendorSession(invitationId, 1, weekAhead)).split(';')[0]!
  return { invitationId, cookie }
}

function submit(cookie: string) {
  const request = new Request('http://localhost/v/review', { method: 'POST', headers: { Cookie: cookie } })
  return reviewAction({ request, params: {}, context: { cspNonce: '', clientIp: '127.0.0.1' } })
}

async function stateOf(invitationId: string) {
  const db = getDb()
  const invitation = await db
    .selectFrom('invitation')
    .select('status')
    .where('id', '=', invitationId)
    .executeTakeFirst()
  const response = await db
    .selectFrom('response')
    .select(['id', 'status'])
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst()
  const assessments = response
    ? await db.selectFrom('assessment').select('is_current').where('response_id', '=', response.id).execute()
    : []
  const submittedEvents = await db
    .selectFrom('audit_event')
    .select('id')
    .where('action', '=', 'response.submitted')
    .where('actor_invitation_id', '=', invitationId)
    .execute()
  return {
    invitation: invitation?.status,
    response: response?.status,
    assessments: assessments.length,
    submittedEvents: submittedEvents.length,
  }
}

describe("the vendor's submit", () => {
  test('when assessing fails, nothing is submitted; the retry submits and assesses, once', async () => {
    const { invitationId, cookie } = await readyVendor()
    const before = await stateOf(invitationId)
    expect(before).toMatchObject({ invitation: 'in-progress', response: 'draft', assessments: 0 })

    vi.mocked(assess).mockImplementationOnce(() => {
      throw new Error('a rule pack failed')
    })
    await expect(submit(cookie)).rejects.toThrow('a rule pack failed')
    expect(await stateOf(invitationId)).toEqual(before)

    expect(await submit(cookie)).toEqual({ submitted: true, message: null })
    expect(await stateOf(invitationId)).toEqual({
      invitation: 'submitted',
      response: 'submitted',
      assessments: 1,
      submittedEvents: 1,
    })

    // A double click after success changes nothing.
    expect(await submit(cookie)).toEqual({ submitted: true, message: null })
    expect(await stateOf(invitationId)).toMatchObject({ assessments: 1, submittedEvents: 1 })
  })

  test('a response submitted without its assessment (before submit and assess were one transaction) is assessed by the next submit', async () => {
    const { invitationId, cookie } = await readyVendor()
    const now = nowIso()
    await getDb()
      .updateTable('response')
      .set({ status: 'submitted', submitted_at: now })
      .where('invitation_id', '=', invitationId)
      .execute()
    await getDb().updateTable('invitation').set({ status: 'submitted' }).where('id', '=', invitationId).execute()
    expect(await stateOf(invitationId)).toMatchObject({ response: 'submitted', assessments: 0 })

    expect(await submit(cookie)).toEqual({ submitted: true, message: null })
    expect(await stateOf(invitationId)).toMatchObject({ response: 'submitted', assessments: 1 })
  })
})
