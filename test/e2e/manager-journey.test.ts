import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

const env = setUpE2eEnvironment()

const VENDORS = ['Caribe Health Information Services', 'Bengaluru Coding Partners', 'Manila MedCode']

test('a manager sorts the demo dashboard, ticks three vendors, compares them and downloads the comparison PDF', async () => {
  const { server, browser } = env
  const { page } = browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill('admin@demo.shoreline.test')
  await page.getByLabel('Password').fill('shoreline-demo')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  await page.getByRole('link', { name: /Mercy General/ }).click()
  await page.getByRole('table', { name: /Vendors of this engagement/ }).waitFor()
  // The score chart is drawn in the browser from the page's rows (it is not in the first look's
  // HTML): one bar per assessed vendor of the page, named in its title.
  const chart = page.getByRole('img', { name: /^Bar chart of the scores of the \d+ assessed vendors on this page/ })
  await chart.waitFor()
  const charted = Number(/of the (\d+) assessed/.exec((await chart.locator('title').textContent()) ?? '')?.[1])
  expect(charted).toBeGreaterThan(0)
  expect(await chart.locator('rect[x="210"]').count()).toBe(charted)
  expect(charted).toBeLessThanOrEqual(await page.getByRole('rowheader').count())
  // The dashboard, the comparison and a vendor's report pass axe-core (no serious or critical issue).
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  // One vendor ticked before sorting stays ticked: the sort link carries the selection.
  const [firstChoice, ...laterChoices] = VENDORS
  await page.getByRole('checkbox', { name: `Compare ${firstChoice}`, exact: true }).check()
  await page.getByText('1 selected').waitFor()

  // Sorting is a link: the URL carries it, and the header says how the table is sorted.
  const vendorHeader = page.getByRole('columnheader', { name: /^Vendor/ })
  await vendorHeader.getByRole('link').click()
  await page.waitForURL(/sort=vendor.*&v=/)
  await expect.poll(() => vendorHeader.getAttribute('aria-sort')).toBe('ascending')
  const names = await page.getByRole('rowheader').allInnerTexts()
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
  expect(names).toEqual(sorted)
  expect(await page.getByRole('checkbox', { name: `Compare ${firstChoice}`, exact: true }).isChecked()).toBe(true)

  for (const vendor of laterChoices)
    await page.getByRole('checkbox', { name: `Compare ${vendor}`, exact: true }).check()
  await page.getByText('3 selected').waitFor()
  await shot('20-dashboard-three-ticked')
  await page.getByRole('button', { name: 'Compare selected' }).click()
  await page.waitForURL(/\/compare\?v=[^&]+&v=[^&]+&v=[^&]+$/)
  await page.getByRole('heading', { name: '3 vendors side by side' }).waitFor()
  for (const vendor of VENDORS) expect(await page.getByText(vendor).first().isVisible()).toBe(true)
  await shot('21-comparison')
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ])
  const file = await download.path()
  const bytes = readFileSync(file)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  for (const vendor of VENDORS) expect(text.replace(/\s+/g, ' ')).toContain(vendor)

  // From the comparison to a vendor's full report.
  await page.getByRole('link', { name: VENDORS[2] }).first().click()
  await page.getByRole('heading', { name: VENDORS[2], level: 2 }).waitFor()
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  expect(browser.pageErrors).toEqual([])
})
