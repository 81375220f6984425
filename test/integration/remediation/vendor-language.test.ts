import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { sendOverdueRemediationReminders } from '#app/remediation/reminders.server.ts'
import { regimePacks } from '#questionnaires/index.ts'
import es from '#questionnaires/regimes/i18n/es.json'
import zh from '#questionnaires/regimes/i18n/zh.json'
import { BrowserClient } from '#test/support/browser-client.ts'
import { daysFromToday, hospitalWithVendor, itemsOf, pageText } from '#test/support/remediation-world.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

/**
 * Issue 15 item 1 (README decision 88): a vendor reads its requested changes in its own language,
 * each finding and its remediation included, on the page and in the emails about the request; the
 * buyer's pages keep the engine's English.
 */

const env = setUpServerWithSmtp()

const BAA = 'hipaa.baa-required'
const TRANSIT = 'hipaa.encryption-in-transit'
const englishOf = (id: string) => regimePacks.flatMap((p) => p.rules).find((r) => r.id === id)!

/** The hospital's vendor, its invitation in `language`, asked to change the BAA and TLS findings. */
async function requestedInLanguage(language: 'es' | 'zh', dueOn = daysFromToday(14)) {
  const world = await hospitalWithVendor(env.server.baseUrl)
  await getDb().updateTable('invitation').set({ language }).where('id', '=', world.invitationId).execute()
  const form = new URLSearchParams({ dueOn, message: 'Antes del comité, por favor.' })
  form.append('ruleId', BAA)
  form.append('ruleId', TRANSIT)
  const sent = await fetch(new URL(`${world.vendorUrl}/remediation/new`, env.server.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: world.manager.cookieHeader(),
      origin: env.server.baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  })
  expect(sent.status).toBe(302)
  const email = await env.smtp.waitForEmail(world.contactEmail)
  const vendor = new BrowserClient(env.server.baseUrl)
  expect((await vendor.get(new URL(linkIn(email.text, `${env.server.baseUrl}/v/`)).pathname)).status).toBe(302)
  const [item] = await itemsOf(world.invitationId)
  return { world, email, vendor, requestUrl: `/v/requests/${item!.requestId}` }
}

describe('a vendor reads its requested changes in its language', () => {
  test('Spanish: the request email and the Requested changes page give each finding and remediation in Spanish', async () => {
    const { world, email, vendor, requestUrl } = await requestedInLanguage('es')

    // The email (captured by the real SMTP test server) is in Spanish, findings included.
    expect(email.subject).toMatch(/^Mercy Hospital le pide cambiar 2 puntos antes del /)
    expect(email.text).toContain('Lo que se encontró y qué lo resolvería:')
    expect(email.text).toContain(`1. ${es[BAA].message}\n   → ${es[BAA].remediation}`)
    expect(email.text).toContain(`2. ${es[TRANSIT].message}\n   → ${es[TRANSIT].remediation}`)
    expect(email.text).not.toContain(englishOf(BAA).message)
    expect(email.text).not.toContain(englishOf(BAA).remediation)

    // The page, in Spanish as the vendor's browser asks: finding and remediation in Spanish, the
    // citation as the law writes it, no English finding left.
    const page = await vendor.get(requestUrl, { 'accept-language': 'es' })
    expect(page.status).toBe(200)
    const html = await page.text()
    const text = pageText(html)
    expect(text).toContain(
      'Su empresa no ha aceptado un contrato de asociado comercial (BAA), por lo que no puede manejar PHI.',
    )
    expect(text).toContain(es[BAA].remediation)
    expect(text).toContain(es[TRANSIT].message)
    expect(text).toContain(`Referencia legal: ${englishOf(BAA).citation}`)
    expect(text).not.toContain(englishOf(BAA).message)
    expect(text).not.toContain(englishOf(BAA).remediation)
    expect(text).not.toContain('(en inglés)')
    expect(html).toContain(`<p lang="es">${es[TRANSIT].message}</p>`)

    // The buyer's page of the same request keeps the engine's English.
    const buyer = pageText(await (await world.manager.get(`${world.vendorUrl}/remediation`)).text())
    expect(buyer).toContain(englishOf(BAA).message)
    expect(buyer).not.toContain(es[BAA].message)
  })

  test('Chinese: the page gives each finding and remediation in Chinese', async () => {
    const { email, vendor, requestUrl } = await requestedInLanguage('zh')
    expect(email.text).toContain(`1. ${zh[BAA].message}\n   → ${zh[BAA].remediation}`)
    const text = pageText(await (await vendor.get(requestUrl, { 'accept-language': 'zh-CN' })).text())
    expect(text).toContain('贵公司尚未同意签署业务伙伴协议（BAA），因此不得处理 PHI。')
    expect(text).toContain(zh[TRANSIT].remediation)
    expect(text).not.toContain(englishOf(TRANSIT).remediation)
  })

  test('Spanish: the overdue reminder names the items still waiting in Spanish', async () => {
    const { world } = await requestedInLanguage('es', daysFromToday(2))
    await sendOverdueRemediationReminders(getDb(), {
      origin: env.server.baseUrl,
      now: new Date(Date.now() + 4 * 86_400_000),
    })
    const reminder = await env.smtp.waitForEmail(world.contactEmail)
    expect(reminder.subject).toMatch(/^Vencido: los cambios que pidió Mercy Hospital vencían el /)
    expect(reminder.text).toContain(`1. ${es[BAA].message}\n   → ${es[BAA].remediation}`)
    expect(reminder.text).not.toContain(englishOf(BAA).message)
  })
})
