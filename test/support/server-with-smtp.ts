import { afterAll, beforeAll } from 'vitest'
import { startSmtpServer } from './smtp-server.ts'
import { startTestServer, type TestServer } from './test-server.ts'

/**
 * A real SMTP server on loopback and the production build behind the real server, sending its
 * email through it; started before the file's tests, stopped after. Read the fields inside tests.
 */
export function setUpServerWithSmtp() {
  const env = {} as { server: TestServer; smtp: Awaited<ReturnType<typeof startSmtpServer>> }
  beforeAll(async () => {
    env.smtp = await startSmtpServer()
    env.server = await startTestServer({ SMTP_URL: env.smtp.url })
  })
  afterAll(async () => {
    await env.server?.close()
    await env.smtp?.close()
  })
  return env
}
