import path from 'node:path'
import { expect, test } from 'vitest'
import { createOrganisation } from '#test/support/accounts.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

const env = setUpE2eEnvironment()

test('a buyer creates an engagement, sees the regimes and outlook change as the profile changes, and invites a vendor', async () => {
  const { server, smtp, browser } = env
  const org = await createOrganisation('Keystone Avionics')
  const { page } = browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  await page.getByRole('link', { name: 'New engagement' }).click()
  await page.waitForURL('**/app/engagements/new')

  await page.getByLabel('Engagement name').fill('Engineering document control')
  await page.getByLabel('Answers due').fill('2099-06-30')
  await page.getByLabel('Industry').selectOption('defense')
  const outlook = page.getByRole('region', { name: 'Outlook' })

  // PHI first: offshore is possible under HIPAA.
  await page.getByLabel(/Patient health information/).check()
  // The regime's own entry (the headline names it too, as a law that can rule a vendor out).
  await outlook.getByText('HIPAA Privacy, Security and Breach Notification Rules', { exact: true }).waitFor()
  expect(await outlook.getByText('Offshore is possible').isVisible()).toBe(true)

  // Then ITAR technical data: the outlook narrows to nearshore and says why.
  await page.getByLabel(/Patient health information/).uncheck()
  await page.getByLabel(/ITAR technical data/).check()
  await outlook.getByText('Nearshore at most').waitFor()
  expect(await outlook.getByText('120.54(a)(5)', { exact: false }).first().isVisible()).toBe(true)
  await shot('10-new-engagement-itar-outlook')

  await page.getByRole('button', { name: 'Create engagement' }).click()
  await page.getByRole('heading', { name: 'Engineering document control' }).waitFor()
  await page.getByRole('heading', { name: 'No vendors invited yet' }).waitFor()

  const invite = page.getByRole('region', { name: 'Invite a vendor' })
  await invite.getByLabel('Company').fill('Isla Engineering Records')
  await invite.getByRole('combobox', { name: 'Country' }).fill('PR')
  await invite.getByRole('combobox', { name: 'Country' }).press('Enter')
  await invite.getByLabel('Contact name').fill('Marisol Rivera')
  await invite.getByLabel('Contact email').fill('marisol@isla.example')
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await page.getByText('Invitation sent to marisol@isla.example').waitFor()
  const row = page.getByRole('row', { name: /Isla Engineering Records/ })
  // The table is revalidated after the action's message: wait for the row, do not sample it.
  await row.getByText('Invited').waitFor()
  await shot('11-engagement-vendor-invited')

  const email = await smtp.waitForEmail('marisol@isla.example')
  expect(email.text).toContain(`${server.baseUrl}/v/`)
  expect(browser.pageErrors).toEqual([])
})
