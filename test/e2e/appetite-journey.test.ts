import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

// Risk appetite (issue 14) as a manager meets it on the demo's ITAR engagement: Isla Engineering
// Records (nearshore, medium residual risk) is within the default appetite; a low appetite moves it
// to "remediate first" and leaves no vendor that fits; the report and its PDF say what would change
// it; back at medium the panel recommends it again, and the comparison's PDF carries the panel.

const env = setUpE2eEnvironment()

const ISLA = 'Isla Engineering Records'
const PUNE = 'Pune Drafting Services'

const oneLine = (s: string) => s.replace(/\s+/g, ' ')
/** The text as the user reads it (layout's line breaks as spaces). */
const textOf = async (locator: Locator) => oneLine((await locator.allInnerTexts()).join(' '))
const pdfText = (file: string) => oneLine(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))

async function download(page: Page, linkName: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()])
  return (await file.path())!
}

async function setAppetite(page: Page, label: RegExp) {
  await page.getByRole('link', { name: 'Profile and settings' }).click()
  await page.getByRole('heading', { name: 'Risk appetite' }).waitFor()
  await page.getByRole('radio', { name: label }).check()
  await page.getByRole('button', { name: 'Save risk appetite' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: /Saved\. \d+ submitted vendors? (was|were) judged again/ })
    .waitFor()
}

test('a manager lowers the appetite, sees a vendor move to "remediate first", reads the panel and its suggestions, and finds both in the PDFs', async () => {
  const { server, browser } = env
  const { page } = browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  const panel = page.getByRole('region', { name: 'Recommendation: which model to pursue, and with whom' })
  const islaRow = page.getByRole('row', { name: new RegExp(ISLA) })

  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill('admin@demo.shoreline.test')
  await page.getByLabel('Password').fill('shoreline-demo')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  await page.getByRole('link', { name: /Keystone Avionics/ }).click()
  await page.getByRole('table', { name: /Vendors of this engagement/ }).waitFor()
  const dashboard = page.url()

  // The default appetite (medium): Isla is within it, and the panel pursues nearshore with it.
  expect(await textOf(islaRow)).toContain('Within appetite')
  expect(await textOf(panel)).toContain(`Pursue nearshore: ${ISLA} (94/100, medium risk)`)
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  // The settings page: a low appetite judges every submitted vendor again.
  await setAppetite(page, /^Low/)
  await shot('60-appetite-low-saved')
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  await page.getByRole('navigation', { name: 'Engagement' }).getByRole('link', { name: 'Vendors', exact: true }).click()
  await page.getByRole('table', { name: /Vendors of this engagement/ }).waitFor()
  expect(await textOf(islaRow)).toContain('Remediate first')
  const lowPanel = await textOf(panel)
  expect(lowPanel).toContain('No vendor among the 3 considered fits your appetite (low).')
  expect(lowPanel).not.toContain('Pursue')
  await shot('61-dashboard-low-appetite')
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  // Isla's report: the one line says why, and what would change it.
  await page.getByRole('link', { name: ISLA }).first().click()
  await page.getByRole('heading', { name: ISLA, level: 2 }).waitFor()
  const report = await textOf(page.locator('main'))
  expect(report).toContain(
    "What to do: Remediate first Residual risk medium is above this engagement's appetite (low).",
  )
  expect(report).toContain('What would change this')
  await shot('62-report-remediate-first')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  const reportPdf = pdfText(await download(page, 'Download PDF'))
  expect(reportPdf).toContain('What to do: remediate first')
  expect(reportPdf).toContain('What would change this')

  // Back to medium: Isla is within appetite again and the panel recommends it.
  await setAppetite(page, /^Medium/)
  await page.goto(dashboard)
  await page.getByRole('table', { name: /Vendors of this engagement/ }).waitFor()
  expect(await textOf(islaRow)).toContain('Within appetite')
  expect(await textOf(panel)).toContain(`Pursue nearshore: ${ISLA}`)

  // The comparison and its PDF carry the same recommendation and each vendor's line.
  await page.getByRole('checkbox', { name: `Compare ${ISLA}`, exact: true }).check()
  await page.getByRole('checkbox', { name: `Compare ${PUNE}`, exact: true }).check()
  await page.getByRole('button', { name: 'Compare selected' }).click()
  await page.waitForURL(/\/compare\?/)
  await page.getByRole('heading', { name: '2 vendors side by side' }).waitFor()
  const comparison = await textOf(page.locator('main'))
  expect(comparison).toContain(`Pursue nearshore: ${ISLA}`)
  expect(comparison).toContain('Not allowed')
  await shot('63-comparison-recommendation')
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  const comparisonPdf = pdfText(await download(page, 'Download PDF'))
  expect(comparisonPdf).toContain('Recommendation: which model to pursue, and with whom')
  expect(comparisonPdf).toContain(`Pursue nearshore: ${ISLA}`)
  expect(comparisonPdf).toContain('Within appetite')
  expect(comparisonPdf).toContain('What would change this')
  expect(browser.pageErrors).toEqual([])
})
