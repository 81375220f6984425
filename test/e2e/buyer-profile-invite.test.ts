import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

// Issue 17, buyer half: what a new buyer (a US savings bank outsourcing its call centre) trips over
// on the profile and when inviting vendors.

const env = setUpE2eEnvironment()

const oneLine = (s: string) => s.replace(/\s+/g, ' ')
const textOf = async (locator: Locator) => oneLine((await locator.allInnerTexts()).join(' '))

async function logInAs(page: Page, org: { email: string; password: string }) {
  await page.context().clearCookies()
  await page.goto(`${env.server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
}

test('a new engagement has no industry chosen for the buyer; GLBA volumes over the DOJ bulk threshold bring a proposal that adds the category, and the outlook agrees with itself and names the CCPA carve-out', async () => {
  const { page } = env.browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  await logInAs(page, await createOrganisation('Harbor Savings Bank'))
  await page.getByRole('link', { name: 'New engagement' }).click()
  await page.waitForURL('**/app/engagements/new')

  // Nothing is preselected (it said Healthcare); saving without a choice says what to do.
  const industry = page.getByLabel('Industry')
  expect(await industry.inputValue()).toBe('')
  await page.getByLabel('Engagement name').fill('Call centre 2027')
  await page.getByRole('button', { name: 'Create engagement' }).click()
  await page.getByText('Choose the industry closest to yours').waitFor()
  expect(page.url()).toMatch(/\/app\/engagements\/new$/)
  await industry.selectOption('financial-services')

  // GLBA with 25,000 customers: over the DOJ's bulk threshold for financial data.
  const outlook = page.getByRole('region', { name: 'Outlook' })
  await page.getByLabel(/Customers’ financial information/).check()
  await page.getByLabel('US persons whose financial data is involved').fill('25000')
  const add = outlook.getByRole('button', { name: 'Add “US sensitive personal data in bulk”' })
  await add.waitFor()
  expect(await textOf(outlook)).toContain('US persons whose financial data is involved: 25,000 (more than 10,000)')
  await shot('40-profile-bulk-proposal')
  await add.click()
  expect(await page.getByLabel(/US sensitive personal data in bulk/).isChecked()).toBe(true)
  await outlook.getByText('DOJ Data Security Program (28 CFR Part 202)').waitFor()
  await add.waitFor({ state: 'detached' })

  // The headline names the regime whose paragraph restricts, instead of "no regime restricts".
  const headline = await textOf(outlook.locator('.outlook-headline'))
  expect(headline).toContain('DOJ Data Security Program')
  expect(await textOf(outlook)).not.toContain('No regime restricts')

  // California consumers too: the outlook says the CCPA steps back for GLBA-covered data.
  await page.getByLabel(/California consumers’ personal information/).check()
  await outlook.getByText('Cal. Civ. Code 1798.145(e)').waitFor()
  expect(await textOf(outlook)).toContain('The CCPA does not apply to personal information collected')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot('41-profile-outlook-carve-out')

  await page.getByRole('button', { name: 'Create engagement' }).click()
  await page.getByRole('heading', { name: 'Call centre 2027' }).waitFor()
  expect(env.browser.pageErrors).toEqual([])
})

test('inviting: the buyer chooses the email language, a duplicate says so, the form empties after success, and a pasted company with commas in quotes is invited', async () => {
  const { page } = env.browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  const org = await createOrganisation('Harbor Savings Bank Two')
  const engagementId = await createEngagement(org.organisationId, 'Collections calls 2027')
  await logInAs(page, org)
  await page.goto(`${env.server.baseUrl}/app/engagements/${engagementId}`)
  const invite = page.getByRole('region', { name: 'Invite a vendor' })

  const fillInvite = async (email: string) => {
    await invite.getByLabel('Company').fill('Norte Servicios')
    const country = invite.getByRole('combobox', { name: 'Country' })
    await country.fill('Mexico')
    await page
      .getByRole('option', { name: /Mexico/ })
      .first()
      .waitFor()
    await country.press('Enter')
    await invite.getByLabel('Contact name').fill('Ana López')
    await invite.getByLabel('Contact email').fill(email)
  }

  // A Mexican vendor whose contact reads Chinese: the buyer says so.
  await fillInvite('ana@norte.example')
  await invite.getByLabel('Email language').selectOption('zh')
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await invite.getByText('Invitation sent to ana@norte.example').waitFor()
  const email = await env.smtp.waitForEmail('ana@norte.example')
  expect(email.subject).toContain('邀请您填写供应商尽职调查问卷')
  // The form is empty again for the next vendor.
  expect(await invite.getByLabel('Company').inputValue()).toBe('')
  expect(await invite.getByLabel('Contact email').inputValue()).toBe('')
  expect(await invite.getByLabel('Email language').inputValue()).toBe('')

  // The same address again: a message where the buyer looks, not a silent no.
  await fillInvite('ana@norte.example')
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await invite
    .getByRole('status')
    .filter({ hasText: 'ana@norte.example is already invited to this engagement' })
    .waitFor()
  await shot('42-invite-duplicate')

  // Pasted: a quoted company with commas, and a row copied from a spreadsheet (tabs).
  const several = page.getByRole('region', { name: 'Invite several' })
  expect(await textOf(several)).toContain('in double quotes')
  await several
    .getByLabel(/One vendor per line/)
    .fill(
      '"Norte, S.A. de C.V.", MX, Luis Ortiz, luis@norte-sa.example\nManila Voice, Inc.\tPH\tJose Cruz\tjose@manila.example',
    )
  await several.getByRole('button', { name: 'Invite all' }).click()
  await several.getByText('Invited 2 vendors.').waitFor()
  await page.getByRole('row', { name: /Norte, S\.A\. de C\.V\./ }).waitFor()
  await page.getByRole('row', { name: /Manila Voice, Inc\./ }).waitFor()
  expect(await several.getByLabel(/One vendor per line/).inputValue()).toBe('')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot('43-invite-pasted')
  // The one error the browser logged is the duplicate's 400, as intended.
  expect(env.browser.pageErrors).toEqual([
    expect.stringMatching(
      /^Failed to load resource: the server responded with a status of 400 \(Bad Request\) at \S+\/app\/engagements\/[^/]+\.data\?index$/,
    ),
  ])
})
