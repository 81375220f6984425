import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { saveAnswer } from '#app/responses/answers.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { inviteThroughApp } from '#test/support/invite-through-app.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'

const env = setUpServerWithSmtp()

function invite(contactEmail: string, vendorCountry: string) {
  return inviteThroughApp(env, {
    buyerName: 'Harbor Bank',
    engagementName: 'Card operations',
    vendorCompany: 'Vendor',
    vendorCountry,
    contactName: 'Ana',
    contactEmail,
  })
}

describe('the vendor’s language', () => {
  test('pages follow Accept-Language (zh-CN, es-MX) and fall back to English', async () => {
    const { vendor } = await invite('lang@vendor.example', 'IN')
    const chinese = await (await vendor.get('/v', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' })).text()
    expect(chinese).toContain('<html lang="zh-Hans"')
    expect(chinese).toContain('开始')
    expect(chinese).toContain('已回答 0 / ')
    const spanish = await (await vendor.get('/v/section/company', { 'accept-language': 'es-MX,es;q=0.9' })).text()
    expect(spanish).toContain('<html lang="es"')
    expect(spanish).toContain('Guardar y continuar')
    const french = await (await vendor.get('/v', { 'accept-language': 'fr-FR' })).text()
    expect(french).toContain('<html lang="en"')
    expect(french).toContain('Start')
  })

  test('the switcher remembers the choice, makes it the language of later emails, and only returns into /v', async () => {
    const {
      vendor,
      buyer,
      engagementId,
      invitationId,
      email: invitationEmail,
    } = await invite('switch@vendor.example', 'IN')
    expect(invitationEmail.subject).toContain('invites you')
    const switched = await vendor.post('/v/language', { lang: 'es', redirectTo: '/v/section/company' })
    expect(switched.status).toBe(302)
    expect(switched.headers.get('location')).toBe('/v/section/company')
    const page = await (await vendor.get('/v/section/company', { 'accept-language': 'en' })).text()
    expect(page).toContain('Guardar y continuar')
    expect(
      (await getDb().selectFrom('invitation').select('language').where('id', '=', invitationId).executeTakeFirst())
        ?.language,
    ).toBe('es')
    // The change is audited once, with what it was and what it became; choosing it again records nothing.
    await vendor.post('/v/language', { lang: 'es', redirectTo: '/v' })
    const changes = await getDb()
      .selectFrom('audit_event')
      .select(['actor_type', 'actor_invitation_id', 'detail_json'])
      .where('action', '=', 'vendor.language-changed')
      .where('subject_id', '=', invitationId)
      .execute()
    expect(changes.map((c) => ({ ...c, detail: JSON.parse(c.detail_json) }))).toMatchObject([
      { actor_type: 'vendor', actor_invitation_id: invitationId, detail: { from: 'en', to: 'es' } },
    ])
    const auditPage = await (await buyer.get(`/app/engagements/${engagementId}/audit`)).text()
    expect(auditPage).toContain('changed the language of its emails')

    // Answers are stored as codes, whatever the language of the page they were given on.
    const saved = await vendor.post('/v/section/company', { 'company.hqCountry': 'IN', 'company.legalName': 'Ana SA' })
    expect(saved.status).toBe(302)
    const stored = await getDb()
      .selectFrom('answer')
      .innerJoin('response', 'response.id', 'answer.response_id')
      .select(['answer.value_json'])
      .where('response.invitation_id', '=', invitationId)
      .where('answer.question_id', '=', 'company.hqCountry')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(stored.value_json)).toBe('IN')

    // The buyer reopens a submitted questionnaire: the vendor is written to in Spanish.
    const { generateVendorAnswers, mulberry32 } = await import('#app/assessment/generate-answers.ts')
    const { coreQuestionnaire } = await import('#questionnaires/index.ts')
    for (const [questionId, value] of Object.entries(generateVendorAnswers(coreQuestionnaire, mulberry32(3))))
      await saveAnswer(getDb(), { invitationId, questionId, value, baseVersion: 0 }).catch(() => undefined)
    await submitResponse(getDb(), { invitationId })
    await buyer.post(`/app/engagements/${engagementId}/vendors/${invitationId}`, {
      intent: 'reopen',
      message: 'Please add your SOC 2 report.',
    })
    const reopenedEmail = () =>
      env.smtp.received.find((m) => m.to.includes('switch@vendor.example') && m.subject.includes('reabrió'))
    await expect.poll(reopenedEmail).toBeTruthy()
    const reopened = reopenedEmail()!
    expect(reopened.text).toContain('Please add your SOC 2 report.')
    expect(reopened.text).toContain('Estimado/a Ana')

    const away = await vendor.post('/v/language', { lang: 'zh', redirectTo: 'https://evil.example/v' })
    expect(away.headers.get('location')).toBe('/v')
    expect((await vendor.post('/v/language', { lang: 'fr', redirectTo: '/v' })).status).toBe(400)
  })

  test('a vendor from a Spanish-speaking country is invited in Spanish, from China in Chinese', async () => {
    const mexico = await invite('mx@vendor.example', 'MX')
    expect(mexico.email.subject).toContain('le invita')
    const china = await invite('cn@vendor.example', 'CN')
    expect(china.email.subject).toContain('邀请您')
  })
})

describe('one vendor, one invitation', () => {
  test('clearing an answer makes it unanswered again, and a stale clear is a conflict', async () => {
    const { vendor, invitationId } = await invite('clear@vendor.example', 'IN')
    const post = (body: unknown) =>
      fetch(`${env.server.baseUrl}/v/answers`, {
        method: 'POST',
        headers: { cookie: vendor.cookieHeader(), origin: env.server.baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await post({ questionId: 'company.legalName', value: 'Ana SA', baseVersion: 0 })).status).toBe(200)
    expect((await post({ questionId: 'company.legalName', value: 'Ana SA de CV', baseVersion: 1 })).status).toBe(200)
    const stale = await post({ questionId: 'company.legalName', clear: true, baseVersion: 1 })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ currentValue: 'Ana SA de CV', currentVersion: 2 })
    const cleared = await post({ questionId: 'company.legalName', clear: true, baseVersion: 2 })
    expect(await cleared.json()).toMatchObject({ status: 'saved', version: 0 })
    const rows = await getDb()
      .selectFrom('answer')
      .innerJoin('response', 'response.id', 'answer.response_id')
      .select('answer.id')
      .where('response.invitation_id', '=', invitationId)
      .where('answer.question_id', '=', 'company.legalName')
      .execute()
    expect(rows).toEqual([])
    expect((await post({ questionId: 'company.legalName', value: 'Ana SA', baseVersion: 0 })).status).toBe(200)
    // Not JSON: a clear 400, never a 500.
    const broken = await fetch(`${env.server.baseUrl}/v/answers`, {
      method: 'POST',
      headers: { cookie: vendor.cookieHeader(), origin: env.server.baseUrl, 'content-type': 'application/json' },
      body: '{"questionId": ',
    })
    expect(broken.status).toBe(400)
  })

  test("a vendor cannot remove or read another invitation's evidence", async () => {
    const { pdfBytes } = await import('#test/support/evidence-files.ts')
    const a = await invite('a@vendor.example', 'IN')
    const b = await invite('b@vendor.example', 'IN')
    await saveAnswer(getDb(), {
      invitationId: a.invitationId,
      questionId: 'destruction.certificateProvided',
      value: true,
      baseVersion: 0,
    })
    const form = new FormData()
    form.set('questionId', 'destruction.certificateSample')
    form.set('file', new Blob([Buffer.from(pdfBytes())]), 'sample.pdf')
    expect((await a.vendor.postMultipart('/v/section/destruction', form)).status).toBe(302)
    const evidence = await getDb().selectFrom('evidence').select(['id']).executeTakeFirstOrThrow()
    await saveAnswer(getDb(), {
      invitationId: b.invitationId,
      questionId: 'destruction.certificateProvided',
      value: true,
      baseVersion: 0,
    })
    await b.vendor.post('/v/section/destruction', { intent: 'delete-evidence', evidenceId: evidence.id })
    const after = await getDb()
      .selectFrom('evidence')
      .select('deleted_at')
      .where('id', '=', evidence.id)
      .executeTakeFirstOrThrow()
    expect(after.deleted_at).toBeNull()
    expect((await b.vendor.get(`/v/evidence/${evidence.id}`)).status).toBe(404)
    expect((await a.vendor.get(`/v/evidence/${evidence.id}`)).status).toBe(200)
  })
})
