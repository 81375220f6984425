import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { inviteThroughApp, storedAnswers } from '#test/support/invite-through-app.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()

function invitedVendor(contactEmail: string) {
  return inviteThroughApp(env, { vendorCompany: 'Bengaluru Coding', contactName: 'Priya', contactEmail })
}

describe('the vendor questionnaire without JavaScript', () => {
  test('a section saves as a plain form post and moves on; bad values get a message at the field and nothing is lost', async () => {
    const { vendor, invitationId } = await invitedVendor('priya@blr.example')
    const home = await (await vendor.get('/v')).text()
    expect(home).toContain('Company and ownership')
    expect(home).toContain('0 of')

    const bad = await vendor.post('/v/section/company', {
      'company.legalName': 'Bengaluru Coding Pvt Ltd',
      'company.hqCountry': 'XX',
      '__v.company.hqCountry': '0',
    })
    expect(bad.status).toBe(400)
    const badHtml = await bad.text()
    expect(badHtml).toContain('is not a country on the list; choose one from the list')
    expect(badHtml).toContain('Bengaluru Coding Pvt Ltd')
    expect(badHtml).toMatch(/aria-describedby="company.hqCountry-help company.hqCountry-error"/)

    const saved = await vendor.post('/v/section/company', {
      'company.legalName': 'Bengaluru Coding Pvt Ltd',
      'company.hqCountry': 'IN',
      'company.incorporationCountry': 'IN',
      'company.majorityOwnerCountry': '__none__',
    })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toMatch(/^\/v\/section\//)
    const stored = await storedAnswers(invitationId)
    expect(Object.fromEntries([...stored].map(([id, a]) => [id, a.value]))).toMatchObject({
      'company.legalName': 'Bengaluru Coding Pvt Ltd',
      'company.hqCountry': 'IN',
      'company.majorityOwnerCountry': null,
    })
    const invitation = await getDb()
      .selectFrom('invitation')
      .select('status')
      .where('contact_email', '=', 'priya@blr.example')
      .executeTakeFirstOrThrow()
    expect(invitation.status).toBe('in-progress')
    // "No single owner holds 50 % or more" is an answer: counted, and not listed as missing.
    const review = await (await vendor.get('/v/review')).text()
    expect(review).toContain('#q-company.ownershipDetails')
    expect(review).not.toContain('#q-company.majorityOwnerCountry')
    expect(await (await vendor.get('/v')).text()).toContain('4 of 7 answered')
  })

  test('a save from a stale page does not overwrite a colleague’s newer answer', async () => {
    const { vendor, invitationId } = await invitedVendor('stale@blr.example')
    await vendor.post('/v/section/company', { 'company.legalName': 'First Name Ltd', '__v.company.legalName': '0' })
    await vendor.post('/v/section/company', { 'company.legalName': 'Second Name Ltd', '__v.company.legalName': '1' })
    const stale = await vendor.post('/v/section/company', {
      'company.legalName': 'Stale Name Ltd',
      '__v.company.legalName': '1',
    })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Not saved because a colleague changed them meanwhile')
    expect((await storedAnswers(invitationId)).get('company.legalName')?.value).toBe('Second Name Ltd')
  })

  test('review lists unanswered required questions; submit refuses until they are answered', async () => {
    const { vendor } = await invitedVendor('early@blr.example')
    const review = await (await vendor.get('/v/review')).text()
    expect(review).toContain('still unanswered')
    expect(review).toMatch(/href="\/v\/section\/company#q-company.legalName"/)
    const refused = await vendor.post('/v/review', {})
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('required questions are still unanswered')
  })

  test("a vendor's pages are 404 for sections that do not exist, and 401 without the link", async () => {
    const { vendor } = await invitedVendor('scope@blr.example')
    expect((await vendor.get('/v/section/no-such-section')).status).toBe(404)
    expect((await new BrowserClient(env.server.baseUrl).get('/v/section/company')).status).toBe(401)
    expect(
      (await new BrowserClient(env.server.baseUrl).post('/v/section/company', { 'company.legalName': 'x' })).status,
    ).toBe(401)
  })
})

describe('submitting', () => {
  test('a complete questionnaire submits once however often it is posted: one assessment, one email to the buyer', async () => {
    const { generateVendorAnswers, mulberry32 } = await import('#app/assessment/generate-answers.ts')
    const { saveAnswer } = await import('#app/responses/answers.server.ts')
    const { getQuestionnaire } = await import('#questionnaires/index.ts')
    const { ENGINE_VERSION } = await import('#app/assessment/version.ts')
    // The invitation is pinned to the version its engagement uses (v1), not the newest.
    const questionnaire = getQuestionnaire('cross-border-core', 1)!
    const { vendor, org } = await invitedVendor('complete@blr.example')
    const { id: invitationId } = await getDb()
      .selectFrom('invitation')
      .select('id')
      .where('contact_email', '=', 'complete@blr.example')
      .executeTakeFirstOrThrow()
    const answers = generateVendorAnswers(questionnaire, mulberry32(7))
    // The generator leaves some questions out on purpose; answer every required one.
    for (const question of questionnaire.sections.flatMap((s) => s.questions)) {
      if (!question.required || answers[question.id] !== undefined) continue
      const byType: Record<string, unknown> = {
        'country-list': ['US'],
        'yes-no': true,
        integer: 'min' in question && question.min !== undefined ? Math.max(question.min, 1) : 1,
        country: 'US',
        text: 'See attached policy',
        date: '2026-01-15',
        'certification-list': [],
        'single-choice': 'choices' in question ? question.choices[0]?.value : undefined,
        'multiple-choice': 'choices' in question ? [question.choices[0]?.value] : undefined,
      }
      answers[question.id] = byType[question.type]
    }
    for (const [questionId, value] of Object.entries(answers))
      await saveAnswer(getDb(), { invitationId, questionId, value, baseVersion: 0 })

    const review = await (await vendor.get('/v/review')).text()
    expect(review).toContain('Every required question is answered')
    const before = env.smtp.received.filter((m) => m.to.includes(org.email)).length
    const results = await Promise.all(Array.from({ length: 5 }, () => vendor.post('/v/review', {})))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    expect(await results[0]?.text()).toContain('your answers are submitted')

    const assessments = await getDb()
      .selectFrom('assessment')
      .innerJoin('response', 'response.id', 'assessment.response_id')
      .select(['assessment.verdict', 'assessment.engine_version'])
      .where('response.invitation_id', '=', invitationId)
      .execute()
    expect(assessments).toHaveLength(1)
    expect(assessments[0]?.engine_version).toBe(ENGINE_VERSION)
    const events = await getDb()
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'response.submitted')
      .where('actor_invitation_id', '=', invitationId)
      .execute()
    expect(events).toHaveLength(1)
    await expect.poll(() => env.smtp.received.filter((m) => m.to.includes(org.email)).length).toBe(before + 1)
    expect(env.smtp.received.find((m) => m.to.includes(org.email))?.subject).toContain(
      'Bengaluru Coding submitted its answers',
    )
    // Read-only afterwards.
    const locked = await vendor.post('/v/section/company', {
      'company.legalName': 'Changed',
      '__v.company.legalName': '1',
    })
    expect(locked.status).toBe(409)
  })
})

describe('reopening', () => {
  test('the buyer reopens a submitted questionnaire with a message; the vendor is emailed a working link and can edit again', async () => {
    const { vendor, buyer, engagementId } = await invitedVendor('reopen@blr.example')
    const { id: invitationId } = await getDb()
      .selectFrom('invitation')
      .select('id')
      .where('contact_email', '=', 'reopen@blr.example')
      .executeTakeFirstOrThrow()
    const { submitResponse } = await import('#app/responses/submission.server.ts')
    await submitResponse(getDb(), { invitationId })
    // The vendor's page, where the buyer manages its invitation.
    const page = `/app/engagements/${engagementId}/vendors/${invitationId}`
    const tooShort = await buyer.post(page, { intent: 'reopen', message: '' })
    expect(tooShort.status).toBe(400)
    expect(await tooShort.text()).toContain('Tell the vendor what to change')
    const reopened = await buyer.post(page, {
      intent: 'reopen',
      message: 'Please add your ISO 27001 certificate.',
    })
    expect(await reopened.text()).toContain('was emailed your message')
    await expect.poll(() => env.smtp.received.filter((m) => m.to.includes('reopen@blr.example')).length).toBe(2)
    const email = env.smtp.received.filter((m) => m.to.includes('reopen@blr.example')).at(-1)
    expect(email?.text).toContain('Please add your ISO 27001 certificate.')
    const fresh = new BrowserClient(env.server.baseUrl)
    expect((await fresh.get(new URL(linkIn(email?.text ?? '', `${env.server.baseUrl}/v/`)).pathname)).status).toBe(302)
    const saved = await vendor.post('/v/section/company', {
      'company.legalName': 'Now Editable Ltd',
      '__v.company.legalName': '0',
    })
    expect(saved.status).toBe(302)
    const row = await getDb()
      .selectFrom('invitation')
      .select('status')
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('reopened')
  })
})
