import path from 'node:path'
import { expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { launchChromium, SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { linkIn } from '#test/support/smtp-server.ts'

// An invitation is managed on its vendor's page (the dashboard's rows only link there): with the
// keyboard alone, with JavaScript and without it, and without serious accessibility issues (the
// manager journey also runs axe on a submitted vendor's page, whose panel offers "Reopen…").

const env = setUpE2eEnvironment()

async function logIn(page: (typeof env)['browser']['page'], org: { email: string; password: string }) {
  await page.goto(`${env.server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
}

const invitationOf = (email: string) =>
  getDb().selectFrom('invitation').selectAll().where('contact_email', '=', email).executeTakeFirstOrThrow()

test('with the keyboard alone, a manager extends a link, sends a new one and revokes it on the vendor page', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const org = await createOrganisation('Keyboard Bank')
  const engagementId = await createEngagement(org.organisationId, 'Card disputes', '2099-03-31')
  await logIn(page, org)
  await page.goto(`${server.baseUrl}/app/engagements/${engagementId}`)
  const invite = page.getByRole('region', { name: 'Invite a vendor' })
  await invite.getByLabel('Company').fill('Quito Card Services')
  await invite.getByRole('combobox', { name: 'Country' }).fill('EC')
  await invite.getByRole('combobox', { name: 'Country' }).press('Enter')
  await invite.getByLabel('Contact name').fill('Lucía Mora')
  await invite.getByLabel('Contact email').fill('lucia@quito.example')
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await page.getByText('Invitation sent to lucia@quito.example').waitFor()
  const firstLink = linkIn((await smtp.waitForEmail('lucia@quito.example')).text, `${server.baseUrl}/v/`)

  // From the dashboard's row to the vendor's page, by keyboard.
  await page.getByRole('link', { name: 'Quito Card Services' }).focus()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('region', { name: 'Invitation' })
  await panel.waitFor()
  expect(await panel.getByText('Invited').isVisible()).toBe(true)

  await panel.getByLabel('Days to extend').focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('20')
  await page.keyboard.press('Enter')
  await panel.getByText('The link now works until').waitFor()
  const extended = await invitationOf('lucia@quito.example')
  expect(extended.expires_at.slice(0, 10)).toBe('2099-04-27')

  const before = smtp.received.length
  await panel.getByRole('button', { name: 'New link' }).focus()
  await page.keyboard.press('Enter')
  await panel.getByText('A new link was sent; the old one no longer works.').waitFor()
  await expect.poll(() => smtp.received.length).toBe(before + 1)
  expect(linkIn(smtp.received.at(-1)?.text ?? '', `${server.baseUrl}/v/`)).not.toBe(firstLink)

  // Revoking opens with a disclosure first; Enter opens it, Tab reaches its button.
  await panel.getByText('Revoke…').focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Revoke')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, '30-vendor-invitation-revoke.png'), fullPage: true })
  await page.keyboard.press('Enter')
  await panel.getByText('Invitation revoked: its link no longer works.').waitFor()
  expect((await invitationOf('lucia@quito.example')).status).toBe('revoked')
  expect(await panel.getByText('Revoked').first().isVisible()).toBe(true)
  expect(browser.pageErrors).toEqual([])
})

test('without JavaScript, a manager reopens a submitted questionnaire from the vendor page and the vendor is emailed', async () => {
  const { server, smtp } = env
  const org = await createOrganisation('No Script Clinic')
  const engagementId = await createEngagement(org.organisationId, 'Coding', '2099-03-31')
  const browser = await launchChromium({ javaScript: false })
  try {
    const { page } = browser
    await logIn(page, org)
    await page.goto(`${server.baseUrl}/app/engagements/${engagementId}`)
    const invite = page.getByRole('region', { name: 'Invite a vendor' })
    await invite.getByLabel('Company').fill('Lima Medical Coding')
    await invite.getByRole('combobox', { name: 'Country' }).fill('PE')
    await invite.getByRole('combobox', { name: 'Country' }).press('Enter')
    await invite.getByLabel('Contact name').fill('Rosa Quispe')
    await invite.getByLabel('Contact email').fill('rosa@lima.example')
    await invite.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByText('Invitation sent to rosa@lima.example').waitFor()
    const { id } = await invitationOf('rosa@lima.example')
    await submitResponse(getDb(), { invitationId: id })

    await page.getByRole('link', { name: 'Lima Medical Coding' }).click()
    const panel = page.getByRole('region', { name: 'Invitation' })
    await panel.getByText('Reopen…').click()
    await panel.getByLabel('What should the vendor change?').fill('Please attach your ISO 27001 certificate.')
    await panel.getByRole('button', { name: 'Reopen and email' }).click()
    await page.getByText('Reopened; Rosa Quispe was emailed your message.').waitFor()
    expect(await page.getByRole('region', { name: 'Invitation' }).getByText('Reopened').first().isVisible()).toBe(true)
    expect((await invitationOf('rosa@lima.example')).status).toBe('reopened')
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('rosa@lima.example')).length).toBe(2)
    expect(smtp.received.filter((m) => m.to.includes('rosa@lima.example')).at(-1)?.text).toContain(
      'Please attach your ISO 27001 certificate.',
    )
    // (axe needs JavaScript in the page: the first test checks the same server-rendered panel.)
    expect(browser.pageErrors).toEqual([])
  } finally {
    await browser.close()
  }
})
