import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium, SCREENSHOT_DIR } from './chromium.ts'
import { startSmtpServer } from './smtp-server.ts'
import { startTestServer, type TestServer } from './test-server.ts'

/**
 * What every end-to-end journey needs, started before its tests and stopped after: a real SMTP
 * server on loopback, the production build behind the real server (sending through it), and
 * Chromium. Read the fields inside tests (they are set by then).
 */
export function setUpE2eEnvironment() {
  const env = {} as {
    server: TestServer
    smtp: Awaited<ReturnType<typeof startSmtpServer>>
    browser: Awaited<ReturnType<typeof launchChromium>>
  }
  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    env.smtp = await startSmtpServer()
    env.server = await startTestServer({ SMTP_URL: env.smtp.url })
    env.browser = await launchChromium()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.close()
    await env.smtp?.close()
  })
  return env
}
