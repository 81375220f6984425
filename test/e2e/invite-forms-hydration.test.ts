import { setTimeout as delay } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

// The dashboard's invite forms come with the page's HTML but their script is loaded apart (README
// decision 93). A manager who starts typing before that script arrives keeps what was typed, and the
// page logs no error, however slow the script is (decision 94): the page hydrates with the forms'
// script, never around a part still waiting for it, so no update can make React throw the server's
// markup away (React's error 421 did, and CI saw it once).

const env = setUpE2eEnvironment()

test('a manager who types into the invite form before its script arrives keeps every character', async () => {
  const { server, browser } = env
  const org = await createOrganisation('Slow Network Bank')
  const engagementId = await createEngagement(org.organisationId, 'Card disputes', '2099-03-31')
  const page = await browser.context.newPage()
  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')

  // The forms' script answers a second and a half late, as on a slow mobile connection.
  let held = 0
  await page.route(/\/invite-panels-[^/]*\.js$/, async (route) => {
    held += 1
    await delay(1500)
    await route.continue()
  })
  await page.goto(`${server.baseUrl}/app/engagements/${engagementId}`, { waitUntil: 'domcontentloaded' })
  const invite = page.getByRole('region', { name: 'Invite a vendor' })
  await invite.getByLabel('Company').fill('Quito Card Services')
  await invite.getByLabel('Contact name').fill('Lucía Mora')
  // A click elsewhere on the page while the script is still on its way.
  await page.getByRole('heading', { level: 1 }).click()
  await invite.getByLabel('Contact email').fill('lucia@quito.example')

  // The picker is marked ready once the forms are live.
  await page.locator('.invite-panels .country-picker[data-ready]').waitFor()
  expect(held).toBe(1)
  expect(await invite.getByLabel('Company').inputValue()).toBe('Quito Card Services')
  expect(await invite.getByLabel('Contact name').inputValue()).toBe('Lucía Mora')
  expect(await invite.getByLabel('Contact email').inputValue()).toBe('lucia@quito.example')
  expect(browser.pageErrors).toEqual([])
  await page.close()
})
