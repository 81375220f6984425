import path from 'node:path'
import { expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import es from '#questionnaires/regimes/i18n/es.json'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { daysFromToday, hospitalWithVendor, itemsOf } from '#test/support/remediation-world.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpE2eEnvironment()

test('a Spanish-speaking vendor reads its requested changes in Spanish, findings and remediations included (README decision 88)', async () => {
  const { server, browser, smtp } = env
  const { page } = browser
  const world = await hospitalWithVendor(server.baseUrl)
  await getDb().updateTable('invitation').set({ language: 'es' }).where('id', '=', world.invitationId).execute()
  const form = new URLSearchParams({ dueOn: daysFromToday(14), message: 'Por favor, antes del comité.' })
  form.append('ruleId', 'hipaa.baa-required')
  form.append('ruleId', 'hipaa.encryption-in-transit')
  const sent = await fetch(new URL(`${world.vendorUrl}/remediation/new`, server.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: world.manager.cookieHeader(),
      origin: server.baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  })
  expect(sent.status).toBe(302)

  // The vendor follows the Spanish email's link and reads the site in Spanish (the switcher).
  const email = await smtp.waitForEmail(world.contactEmail)
  expect(email.text).toContain(es['hipaa.baa-required'].message)
  await page.goto(linkIn(email.text, `${server.baseUrl}/v/`))
  await page.getByRole('button', { name: 'Español' }).click()
  await page.getByRole('link', { name: 'Ver los cambios solicitados' }).click()
  await page.getByRole('heading', { name: 'Cambios solicitados' }).waitFor()
  const [item] = await itemsOf(world.invitationId)
  await page.goto(`${server.baseUrl}/v/requests/${item!.requestId}`)
  await page.getByRole('heading', { name: /Punto 1/ }).waitFor()
  const item1 = page.getByRole('region', { name: /Punto 1/ })
  expect(await item1.getByText(es['hipaa.baa-required'].message, { exact: true }).getAttribute('lang')).toBe('es')
  await item1.getByText(es['hipaa.baa-required'].remediation, { exact: true }).waitFor()
  expect(await page.getByText('has not agreed to a business associate agreement').count()).toBe(0)
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, '43-vendor-requested-changes-es.png'), fullPage: true })
}, 120_000)
