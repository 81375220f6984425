import path from 'node:path'
import { expect, test } from 'vitest'
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
