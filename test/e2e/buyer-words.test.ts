import { expect, test } from 'vitest'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

const env = setUpE2eEnvironment()

const VENDORS = ['Caribe Health Information Services', 'Bengaluru Coding Partners', 'Manila MedCode']

// Issue 17, words that mislead: what a buyer reads on the comparison and the report, in Chromium.
test('the comparison legend keeps its names apart, a Puerto Rico vendor is domestic in law, and report questions are sentences', async () => {
  const { server, browser } = env
  const { page } = browser
  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill('admin@demo.shoreline.test')
  await page.getByLabel('Password').fill('shoreline-demo')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')
  await page.getByRole('link', { name: /Mercy General/ }).click()
  await page.getByRole('table', { name: /Vendors of this engagement/ }).waitFor()
  // The Puerto Rico vendor's row says what the map hides.
  const caribeRow = page.getByRole('row').filter({ hasText: 'Caribe Health Information Services' })
  expect(await caribeRow.textContent()).toContain('Nearshore (US territory: domestic in law)')

  for (const vendor of VENDORS) await page.getByRole('checkbox', { name: `Compare ${vendor}`, exact: true }).check()
  await page.getByText('3 selected').waitFor()
  await page.getByRole('button', { name: 'Compare selected' }).click()
  await page.getByRole('heading', { name: '3 vendors side by side' }).waitFor()

  // Each legend entry carries its own number, and entries do not touch: "Services2. Bengaluru" ran together.
  const items = page.locator('.chart-legend li')
  const legend = await items.allInnerTexts()
  expect(legend.map((text, i) => text.startsWith(`${i + 1}. `))).toEqual([true, true, true])
  expect(legend.map((text) => text.replace(/^\d+\. /, '')).sort()).toEqual([...VENDORS].sort())
  const boxes = await items.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))
  for (let i = 1; i < boxes.length; i++) {
    const [previous, current] = [boxes[i - 1], boxes[i]]
    if (current.top === previous.top) expect(current.left - previous.right).toBeGreaterThanOrEqual(8)
  }
  expect(await page.getByText('Nearshore (US territory: domestic in law)').first().isVisible()).toBe(true)
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  // The report: a question reads as written, not in the capitals of the column headers.
  await page.getByRole('link', { name: VENDORS[0] }).first().click()
  await page.getByRole('heading', { name: 'Answers' }).waitFor()
  const question = page.locator('table.answers th[scope="row"]').first()
  expect(await question.evaluate((el) => getComputedStyle(el).textTransform)).toBe('none')
  // innerText is the text as rendered: the old CSS made it "WHAT IS THE FULL LEGAL NAME…".
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (with text-transform) is the point
  const rendered = await question.innerText()
  expect(rendered).not.toBe(rendered.toUpperCase())
})
