import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { inviteThroughApp } from '#test/support/invite-through-app.ts'

/**
 * Pages do at first load only what their first paint needs (issue 17, README decision 87): forms
 * load their zod schemas on first focus, and a country picker builds its list on first use. These
 * journeys check that nothing a person does notices: validation in the browser, the picker's list
 * by keyboard and by pointer.
 */
const env = setUpE2eEnvironment()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

/** Hydrated: React has attached its handlers to the page's form (a click before would post it plainly). */
function hydrated(page: Page) {
  return page.waitForFunction(() => {
    const form = document.querySelector('main form')
    return Boolean(form && Object.keys(form).some((key) => key.startsWith('__reactProps')))
  })
}

/** Counts the accent-folding the country search does (`normalize('NFKD')`), from the page's first script on. */
async function countCountryFolding(page: Page) {
  await page.addInitScript(() => {
    const w = window as Window & { folded?: number }
    w.folded = 0
    const normalize = String.prototype.normalize
    String.prototype.normalize = function (this: string, form?: string) {
      if (form === 'NFKD') w.folded = (w.folded ?? 0) + 1
      return normalize.call(this, form)
    }
  })
  return () => page.evaluate(() => (window as Window & { folded?: number }).folded ?? 0)
}

test('a country picker builds its list on first use, not while the page hydrates, and opens it by pointer or keyboard', async () => {
  const { server, smtp, browser } = env
  const { link } = await inviteThroughApp({ server, smtp }, { contactEmail: 'first-load@vendor.example' })
  const page = await browser.context.newPage()
  const folded = await countCountryFolding(page)
  await page.goto(link)
  await page.goto(`${server.baseUrl}/v/section/storage`)
  await page.locator('.country-picker').first().waitFor()
  expect(await page.locator('.country-picker').count()).toBeGreaterThan(1)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.country-picker')].every((picker) => picker.hasAttribute('data-ready')),
  )
  // Hydrated, every picker live, and not one country name folded for searching yet.
  expect(await folded()).toBe(0)

  // A pointer on the toggle: the whole list is there as it opens.
  const primary = page.getByRole('combobox', { name: /In which countries is our data stored/ })
  const field = page.locator('.country-picker', { has: primary })
  await field.getByRole('button', { name: /Show all countries/ }).click()
  await page.getByRole('option', { name: /^Zimbabwe/ }).waitFor()
  expect(await page.getByRole('option').count()).toBeGreaterThan(200)
  expect(await folded()).toBeGreaterThan(0)
  await page.keyboard.press('Escape')

  // Another picker, by keyboard only: Tab into it, type, Enter.
  const backup = page.getByRole('combobox', { name: /backups and disaster-recovery copies/ })
  await backup.focus()
  await page.keyboard.type('Alemania')
  expect(await page.getByRole('option').first().textContent()).toContain('Germany')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Remove Germany' }).waitFor()
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  expect(browser.pageErrors).toEqual([])
  await page.close()
})

test('the login and the engagement profile validate in the browser with schemas loaded on first focus', async () => {
  const { server, smtp, browser } = env
  const { org, engagementId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'schemas@vendor.example' })
  await browser.context.clearCookies()
  const page = await browser.context.newPage()
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(new URL(request.url()).pathname)
  })
  await page.goto(`${server.baseUrl}/login`)
  await hydrated(page)

  // An empty form is refused in the browser, each field saying why; nothing is sent.
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByText('Enter an email address').waitFor()
  await page.getByText('Enter your password').waitFor()
  // A mistyped address says so when the field is left.
  await page.getByLabel('Email').fill('org-admin')
  await page.keyboard.press('Tab')
  await page.getByText('Enter a valid email address, like name@company.com').waitFor()
  expect(posts).toEqual([])
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot(page, '90-login-validated-in-browser')

  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  // One submission, through Remix (single fetch posts to /login.data).
  expect(posts).toEqual(['/login.data'])

  // The profile: emptying the name is refused as the field is left; a valid change saves.
  await page.goto(`${server.baseUrl}/app/engagements/${engagementId}/profile`)
  await page.locator('.country-picker[data-ready]').waitFor()
  await hydrated(page)
  const name = page.getByLabel('Engagement name')
  await name.fill('')
  await page.keyboard.press('Tab')
  await page.getByText('Name the engagement, e.g. "Medical coding 2027"').waitFor()
  await name.fill('Call centre 2027')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
  expect(await name.inputValue()).toBe('Call centre 2027')
  expect(browser.pageErrors).toEqual([])
  await page.close()
})

test('the engagement profile hydrates with its forms fetched apart from its first paint, and asks for the outlook only once the profile changes', async () => {
  const { server, smtp, browser } = env
  const { org, engagementId } = await inviteThroughApp(
    { server, smtp },
    { contactEmail: 'profile-load@vendor.example' },
  )
  await browser.context.clearCookies()
  const page = await browser.context.newPage()
  await page.goto(`${server.baseUrl}/login`)
  await hydrated(page)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')

  const outlookAsked: string[] = []
  const scripts: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/app/outlook') outlookAsked.push(url.search)
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.push(url.pathname)
  })
  // A first load of the page, not a client-side navigation.
  const response = await page.goto(`${server.baseUrl}/app/engagements/${engagementId}/profile`)
  const html = (await response?.text()) ?? ''
  await page.locator('.country-picker[data-ready]').waitFor()
  await hydrated(page)
  // The forms' module (react-hook-form, the picker) is downloaded before hydration, but the page
  // does not preload it with its first paint (README decision 97): the document lists none of it.
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((match) => match[1])
  expect(preloaded.length).toBeGreaterThan(5)
  const formsModule = scripts.find((file) => /\/profile-forms-[\w-]+\.js$/.test(file))
  const pickerModule = scripts.find((file) => /\/country-picker-[\w-]+\.js$/.test(file))
  expect(formsModule).toBeDefined()
  expect(pickerModule).toBeDefined()
  expect(preloaded).not.toContain(formsModule)
  expect(preloaded).not.toContain(pickerModule)

  // The outlook came with the page; nothing changed, so nothing is asked (it was asked on every load,
  // the form's values after hydration differing from the stored profile only in empty fields).
  const outlook = page.getByRole('region', { name: 'Outlook' })
  await outlook.getByText('HIPAA Privacy, Security and Breach Notification Rules', { exact: true }).waitFor()
  await page.waitForTimeout(1_000) // four times the panel's settling delay
  expect(outlookAsked).toEqual([])

  // A change asks, and the outlook follows it.
  await page.getByLabel(/Customers’ financial information/).check()
  await outlook.getByText('GLBA Safeguards Rule and US bank third-party guidance', { exact: true }).waitFor()
  expect(outlookAsked.length).toBeGreaterThan(0)
  expect(browser.pageErrors).toEqual([])
  await page.close()
})
