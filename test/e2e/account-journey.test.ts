import path from 'node:path'
import { expect, test } from 'vitest'
import { addMember, createOrganisation } from '#test/support/accounts.ts'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpE2eEnvironment()

test('a buyer signs up, sees the empty engagements page, logs out and logs in again', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

  await page.goto(`${server.baseUrl}/`)
  await page.getByRole('link', { name: 'Create your organisation' }).click()
  await page.waitForURL('**/signup')

  // Client-side validation with the shared schema: nothing is sent while a field is wrong.
  await page.getByLabel('Organisation').fill('Lakeside Hospital')
  await page.getByLabel('Your name').fill('Rosa Diaz')
  await page.getByLabel('Work email').fill('rosa@lakeside')
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect.poll(() => page.getByText('Enter a valid email address').isVisible()).toBe(true)
  await expect.poll(() => page.getByText('Use at least 12 characters').isVisible()).toBe(true)
  await shot('01-signup-errors')
  expect(smtp.received).toHaveLength(0)

  await page.getByLabel('Work email').fill('rosa@lakeside.example')
  await page.getByLabel('Password').fill('lakeside password 2027')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()

  const email = await smtp.waitForEmail('rosa@lakeside.example')
  await page.goto(linkIn(email.text, `${server.baseUrl}/signup/confirm/`))
  await page.getByRole('button', { name: 'Create my organisation' }).click()
  await page.waitForURL('**/app/engagements')
  await page.getByRole('heading', { name: 'No engagements yet' }).waitFor()
  expect(await page.getByText('Lakeside Hospital').first().isVisible()).toBe(true)
  await shot('02-engagements-empty')

  await page.getByRole('button', { name: 'Log out' }).click()
  await page.waitForURL('**/login')

  await page.getByLabel('Email').fill('rosa@lakeside.example')
  await page.getByLabel('Password').fill('wrong password!')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByText('Email or password is incorrect.').waitFor()
  await shot('03-login-error')

  await page.getByLabel('Password').fill('lakeside password 2027')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  await page.getByRole('heading', { name: 'Engagements', exact: true }).waitFor()

  // Keyboard: the skip link is the first stop and leads to the content.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')

  // One allowed console error: the 401 of the failed login attempt above.
  expect(browser.pageErrors.filter((e) => !/status of 401/.test(e))).toEqual([])
})

test('a member changes a weak password for a strong one, logs out everywhere, and resets a forgotten one by email', async () => {
  const { server, smtp, browser } = env
  const { page, context } = browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  await context.clearCookies()
  const org = await createOrganisation('Harbourview Clinic')

  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')

  await page.getByRole('link', { name: 'Ada Admin' }).click()
  await page.waitForURL('**/app/account')
  await page.getByLabel('Current password').fill(org.password)
  await page.getByLabel('New password').fill('password1234')
  await page.getByRole('button', { name: 'Change password' }).click()
  // The browser runs the same estimator as the server: the reason shows before anything is sent.
  await page.getByText('This password is too easy to guess.').waitFor()
  await shot('04-account-weak-password')

  await page.getByLabel('New password').fill('harbour lantern quietly 9')
  await page.getByRole('button', { name: 'Change password' }).click()
  await page.getByText('Your password is changed.').waitFor()
  await shot('05-account-password-changed')
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Log out everywhere' }).click()
  await page.waitForURL('**/login?notice=logged-out-everywhere')
  await page.getByText('You are logged out on every device.').waitFor()

  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await page.waitForURL('**/forgot-password')
  await page.getByLabel('Email').fill(org.email)
  await page.getByRole('button', { name: 'Send me a link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  const email = await smtp.waitForEmail(org.email)
  await page.goto(linkIn(email.text, `${server.baseUrl}/reset-password/`))
  await page.getByLabel('New password').fill('tidal quartz lantern 41')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await page.waitForURL('**/login?notice=password-reset')
  await shot('06-login-after-reset')

  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill('tidal quartz lantern 41')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  const colleague = await addMember(org.organisationId, 'manager')
  await page.goto(`${server.baseUrl}/app/team`)
  await page.getByRole('heading', { name: 'Team', exact: true }).waitFor()
  await page.getByRole('button', { name: `Log out manager person (${colleague.email})` }).click()
  await page.getByText(`${colleague.email} is logged out everywhere`).waitFor()
  await shot('07-team')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  expect(browser.pageErrors.filter((e) => !/status of 40[01]/.test(e))).toEqual([])
})
