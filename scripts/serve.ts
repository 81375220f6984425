import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { drainHttpServer } from '../app/server/drain.server.ts'
import { createHttpApp } from '../app/server/http.server.ts'
import type { prepareServer, shutdownServer } from '../app/server/lifecycle.server.ts'
import type { seedDemo as SeedDemo } from '../db/seed.ts'

/**
 * Serves the production build (`npm start` builds it first): validates configuration, migrates,
 * seeds the demo organisation into an empty database (outside production; the seed runs from
 * source here, it is not in the build), listens, and shuts down cleanly on SIGTERM/SIGINT.
 * Start-up failures print what is wrong and exit 1.
 */
type Lifecycle = { prepareServer: typeof prepareServer; shutdownServer: typeof shutdownServer }

// The demo seed is loaded from source, and only when prepareServer calls it (never in production).
const seedDemo: typeof SeedDemo = async (db, origin) => (await import('../db/seed.ts')).seedDemo(db, origin)

const buildDir = path.resolve('build')
const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
const lifecycle = build.entry.module as unknown as Lifecycle

let report: Awaited<ReturnType<Lifecycle['prepareServer']>>
try {
  report = await lifecycle.prepareServer({ seedDemo })
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`\nShoreline did not start.\n${message}\n`)
  await lifecycle.shutdownServer().catch(() => {})
  process.exit(1)
}

for (const name of report.appliedMigrations) console.log(`Applied migration ${name}`)

const app = createHttpApp({
  build,
  clientDir: path.join(buildDir, 'client'),
  mode: report.mode,
  appUrl: report.appUrl,
  trustProxy: report.trustProxy,
})
const server = app.listen(report.port, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : report.port
  const url = report.appUrl ?? `http://localhost:${port}`
  console.log(`\nShoreline is running at ${url}`)
  if (report.demoLogin) console.log(`Demo login:  ${report.demoLogin.email}  /  ${report.demoLogin.password}`)
})

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`\n${signal} received: finishing requests in flight, then closing`)
  // Requests in flight finish (10 s at most), then jobs stop and the database pool closes.
  await drainHttpServer(server)
  await lifecycle.shutdownServer()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
