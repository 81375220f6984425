import type { Server } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createHttpApp } from '#app/server/http.server.ts'
import type { prepareServer, shutdownServer } from '#app/server/lifecycle.server.ts'
import { seedDemo } from '#db/seed.ts'

type Lifecycle = { prepareServer: typeof prepareServer; shutdownServer: typeof shutdownServer }

export type TestServer = { baseUrl: string; close: () => Promise<void> }

/**
 * A real HTTP server on a random loopback port, serving the production build (`npm test` builds it
 * first) through the same Express app as `npm start`, against this test file's SQLite file.
 * Set extra environment (SMTP_URL, …) before calling: the build reads it once.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  Object.assign(process.env, env)
  const buildDir = path.resolve('build')
  const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
  const lifecycle = build.entry.module as unknown as Lifecycle
  const report = await lifecycle.prepareServer({ seedDemo })
  const app = createHttpApp({
    build,
    clientDir: path.join(buildDir, 'client'),
    mode: report.mode,
    appUrl: report.appUrl,
  })
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('test server has no port')
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await lifecycle.shutdownServer()
    },
  }
}
