import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { launchChromium, SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { inviteThroughApp, storedAnswers } from '#test/support/invite-through-app.ts'

const env = setUpE2eEnvironment()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

/**
 * What the picker shows the moment the event that chose has been handled (the key press, or the
 * focus leaving for Tab), before the page runs anything else: the box's text, the chips, and the
 * form fields it posts. A person's next key or click, or the form's submission, acts on exactly
 * this. A listener on window hears the event after React (which listens on the document) has.
 */
async function pickerAfter(page: Page, event: 'keydown' | 'focusout', action: () => Promise<void>) {
  await page.evaluate((type) => {
    const w = window as Window & { pickerAfter?: unknown }
    w.pickerAfter = undefined
    window.addEventListener(
      type,
      (e) => {
        const box = e.target as HTMLInputElement
        const picker = box.closest('.country-picker')
        w.pickerAfter = {
          box: box.value,
          chips: [...(picker?.querySelectorAll('.chip') ?? [])].map((chip) => chip.getAttribute('aria-label')),
          posted: [...(picker?.querySelectorAll<HTMLInputElement>('input[type="hidden"]') ?? [])].map((f) => f.value),
        }
      },
      { once: true },
    )
  }, event)
  await action()
  return page.evaluate(() => (window as Window & { pickerAfter?: unknown }).pickerAfter)
}

/**
 * A slow machine (Chromium's CPU throttling, as on a loaded CI runner or an old laptop): the
 * picker's choice must not wait for a later render.
 */
async function slowMachine(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await cdp.detach()
}

/** Nothing on the page scrolls sideways: neither the page nor any element inside it. */
function sidewaysScrollers(page: Page) {
  return page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('main *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden')
      .filter((el) => el === document.documentElement || ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  )
}

test('a vendor finds countries by any name, alias or code, chooses them as chips with the keyboard, and the list neither scrolls sideways nor shifts', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const { link, invitationId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'picker@coding.example' })
  await page.goto(link)
  await page.goto(`${server.baseUrl}/v/section/storage`)
  const primary = page.getByRole('combobox', { name: /In which countries is our data stored/ })
  await primary.waitFor()
  // Only what is shown is rendered: no country list in the page until one is opened.
  expect(await page.getByRole('option').count()).toBe(0)
  expect(await page.getByText('Zimbabwe').count()).toBe(0)
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  // Spanish names with or without accents, the Spanish abbreviation for the US, an ISO code.
  // On a slow machine Enter adds the country in the key press itself: its chip and its posted code
  // are there before anything else runs (a second Enter or a submit sees them).
  await primary.focus()
  await slowMachine(page, 4)
  const chips: string[] = []
  const codes: string[] = []
  for (const [typed, chip, code] of [
    ['méxico', 'Mexico', 'MX'],
    ['EE. UU.', 'United States of America', 'US'],
    ['PR', 'Puerto Rico', 'PR'],
  ] as const) {
    await page.keyboard.type(typed)
    const first = page.getByRole('option').first()
    expect(await first.textContent(), typed).toContain(chip)
    chips.push(`Remove ${chip}`)
    codes.push(code)
    expect(await pickerAfter(page, 'keydown', () => page.keyboard.press('Enter')), typed).toEqual({
      box: typed,
      chips,
      posted: codes,
    })
    await page.getByRole('button', { name: `Remove ${chip}` }).waitFor()
    await primary.fill('')
  }
  await slowMachine(page, 1)
  // The open list: chosen countries are marked, it fits its box (no sideways scrolling), axe-clean.
  await page.keyboard.press('ArrowDown')
  await page.getByRole('option', { name: /Puerto Rico/ }).waitFor()
  expect(await page.getByRole('option', { name: /Mexico/, selected: true }).count()).toBe(1)
  expect(await sidewaysScrollers(page)).toEqual([])
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot(page, '40-country-picker-open')
  await page.keyboard.press('Escape')

  // Clicking "Canada" chooses Canada, whatever was chosen before (no shifting columns).
  await primary.fill('can')
  await page.getByRole('option', { name: /^Canada/ }).click()
  await page.getByRole('button', { name: 'Remove Canada' }).waitFor()
  expect(await page.getByRole('button', { name: /^Remove Chad/ }).count()).toBe(0)

  // Backspace in the empty box removes the last chip (and says so); the left arrow reaches the others.
  await primary.fill('')
  await page.keyboard.press('Backspace')
  await page.getByRole('button', { name: 'Remove Canada' }).waitFor({ state: 'detached' })
  await page.getByRole('status').filter({ hasText: 'Canada removed' }).waitFor()
  await page.keyboard.press('ArrowLeft')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove Puerto Rico')
  await page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  expect((await storedAnswers(invitationId)).get('storage.primaryCountries')?.value).toEqual(['MX', 'US', 'PR'])
  expect(await sidewaysScrollers(page)).toEqual([])
  await shot(page, '41-country-picker-chips')

  // In Spanish the chips and the list speak Spanish; "Mexico" (no accent) still finds México.
  await page.getByRole('button', { name: 'Español' }).click()
  await page.locator('html[lang="es"]').waitFor()
  await page.getByRole('button', { name: 'Quitar México' }).waitFor()
  await page.getByRole('button', { name: 'Quitar Estados Unidos' }).waitFor()
  const backup = page.getByRole('combobox', { name: /copias de seguridad/ })
  await backup.fill('Mexico')
  expect(await page.getByRole('option').first().textContent()).toContain('México')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Quitar México' }).nth(1).waitFor()
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  expect(browser.pageErrors).toEqual([])
})

test('without JavaScript the picker is a plain checklist and select that post the same answers', async () => {
  const { server, smtp } = env
  const browser = await launchChromium({ javaScript: false })
  try {
    const { page } = browser
    const { link, invitationId } = await inviteThroughApp(
      { server, smtp },
      { contactEmail: 'nojs-picker@coding.example' },
    )
    await page.goto(link)
    await page.goto(`${server.baseUrl}/v/section/company`)
    // The search box needs JavaScript: hidden (`scripting: none`), the native select instead.
    expect(await page.locator('.country-picker-js').first().isVisible()).toBe(false)
    await page.locator('[id="company.hqCountry-select"]').selectOption('MX')
    await page.goto(`${server.baseUrl}/v/section/storage`)
    const primary = page.getByRole('group', { name: /In which countries is our data stored/ })
    await primary.getByLabel('Canada', { exact: true }).check()
    await primary.getByLabel('Puerto Rico', { exact: true }).check()
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save and continue' }).click()])
    expect((await storedAnswers(invitationId)).get('storage.primaryCountries')?.value).toEqual(['CA', 'PR'])
    // Back on the page, the chosen countries come first and stay ticked.
    await page.goto(`${server.baseUrl}/v/section/storage`)
    const first = primary.locator('input[type="checkbox"]').first()
    expect(await first.getAttribute('value')).toBe('CA')
    expect(await first.isChecked()).toBe(true)
    expect(await sidewaysScrollers(page)).toEqual([])
    await shot(page, '42-country-picker-nojs')
  } finally {
    await browser.close()
  }
})

test('the buyer picks the vendor country and the home country with the same picker', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const { org, engagementId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'first@vendor.example' })
  await browser.context.clearCookies()
  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')

  await page.goto(`${server.baseUrl}/app/engagements/${engagementId}`)
  // With a vendor invited already, the invite forms open on request.
  expect(await page.getByRole('region', { name: 'Invite a vendor' }).count()).toBe(0)
  await page.getByRole('link', { name: 'Invite vendors' }).click()
  const invite = page.getByRole('region', { name: 'Invite a vendor' })
  await invite.getByLabel('Company').fill('Servicios Norte S.A. de C.V.')
  const country = invite.getByRole('combobox', { name: 'Country' })
  // Typed before React runs, the words stay in a plain input: wait for the picker to be live, and
  // for the list to have filtered before choosing its first entry.
  // On a slow machine, Enter takes the highlighted option in the key press itself: the box reads
  // Mexico and the form posts MX before anything else runs (it used to keep 'méxico' and post
  // nothing until a later render, so a quick second Enter sent the form without a country).
  await invite.locator('.country-picker[data-ready]').first().waitFor()
  await slowMachine(page, 4)
  await country.fill('méxico')
  await invite
    .getByRole('option', { name: /^Mexico/ })
    .first()
    .waitFor()
  expect(await pickerAfter(page, 'keydown', () => page.keyboard.press('Enter'))).toEqual({
    box: 'Mexico',
    chips: [],
    posted: ['MX'],
  })
  expect(await country.inputValue()).toBe('Mexico')
  await slowMachine(page, 1)
  await invite.getByLabel('Contact name').fill('Ana Torres')
  await invite.getByLabel('Contact email').fill('ana@norte.example')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await page.getByText('Invitation sent to ana@norte.example').waitFor()
  const stored = await getDb()
    .selectFrom('invitation')
    .select('vendor_country')
    .where('contact_email', '=', 'ana@norte.example')
    .executeTakeFirstOrThrow()
  expect(stored.vendor_country).toBe('MX')

  await page.goto(`${server.baseUrl}/app/engagements/${engagementId}/profile`)
  const home = page.getByRole('combobox', { name: 'Home country' })
  // Tab after typing takes the best match as the focus leaves, on a slow machine too.
  await slowMachine(page, 4)
  await home.fill('USA')
  await page
    .getByRole('option', { name: /^United States of America/ })
    .first()
    .waitFor()
  expect(await pickerAfter(page, 'focusout', () => page.keyboard.press('Tab'))).toEqual({
    box: 'United States of America',
    chips: [],
    posted: ['US'],
  })
  expect(await home.inputValue()).toBe('United States of America')
  await slowMachine(page, 1)
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot(page, '43-profile-home-country')
  expect(browser.pageErrors).toEqual([])
})
