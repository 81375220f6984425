import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Debian's Chromium driven by playwright-core (no browser download). Flags per STACK.md: the
 * background-networking ones keep Chromium from dialling out of this closed network.
 * Console errors and uncaught page errors are collected so a test can assert there were none.
 */
export async function launchChromium({ javaScript = true }: { javaScript?: boolean } = {}) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-chromium-'))
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    javaScriptEnabled: javaScript,
  })
  const pageErrors: string[] = []
  const watch = (page: Page) => {
    page.on('console', (message) => {
      // A failed resource names only its status in the text: its address is in the location.
      if (message.type() === 'error') {
        const at = message.location().url
        pageErrors.push(
          message.text().startsWith('Failed to load resource') && at ? `${message.text()} at ${at}` : message.text(),
        )
      }
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
  }
  context.on('page', watch)
  for (const page of context.pages()) watch(page)
  return {
    context,
    pageErrors,
    page: context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close()
      rmSync(profileDir, { recursive: true, force: true })
    },
  }
}

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots')
