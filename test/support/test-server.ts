import { createServer, type Server } from 'node:http'
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
 *
 * The port is taken before the app starts, and PORT and APP_URL are set from it (unless `env`
 * names APP_URL; an empty APP_URL leaves it unset), so links in emails lead back to this server
 * the way they lead to the deployment's public URL in production.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('test server has no port')
  const baseUrl = `http://127.0.0.1:${address.port}`
  const before = { PORT: process.env.PORT, APP_URL: process.env.APP_URL }
  Object.assign(process.env, { PORT: String(address.port), APP_URL: baseUrl }, env)

  const buildDir = path.resolve('build')
  const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
  const lifecycle = build.entry.module as unknown as Lifecycle
  const report = await lifecycle.prepareServer({ seedDemo })
  // The build has read its configuration; processes this test spawns must not inherit this port.
  for (const [name, value] of Object.entries(before)) {
    if (name in env) continue
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  const app = createHttpApp({
    build,
    clientDir: path.join(buildDir, 'client'),
    mode: report.mode,
    appUrl: report.appUrl,
    trustProxy: report.trustProxy,
  })
  server.on('request', app)
  return {
    baseUrl,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await lifecycle.shutdownServer()
    },
  }
}
