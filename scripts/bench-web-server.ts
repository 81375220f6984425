import type { Server } from 'node:http'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createHttpApp } from '../app/server/http.server.ts'
import type { prepareServer, shutdownServer } from '../app/server/lifecycle.server.ts'
import { statCpuMs } from './process-cpu.ts'

/**
 * The production server for `npm run bench:web`, started by scripts/bench-web.ts as a child process
 * (with --expose-gc) so the load generator does not share its event loop. It serves the production
 * build exactly as scripts/serve.ts does, and answers the bench over IPC with its own event-loop
 * delay, resident memory and main-thread CPU time, which only the server process can measure.
 */
type Lifecycle = { prepareServer: typeof prepareServer; shutdownServer: typeof shutdownServer }
export type BenchRequest = { id: number; type: 'loop-start' | 'loop-stop' | 'memory' | 'cpu' | 'stop' }
export type BenchReply = { id: number; p99Ms?: number; maxMs?: number; rssBytes?: number; cpuMs?: number }

/**
 * CPU time of this thread (the event loop's: requests are served there; PDF workers and the
 * garbage collector's helpers run on others), from Linux's /proc. Unlike latency it hardly moves
 * with what else the machine runs. Undefined elsewhere.
 */
const mainThreadCpuMs = () => statCpuMs('/proc/thread-self/stat')

const buildDir = path.resolve('build')
const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
const lifecycle = build.entry.module as unknown as Lifecycle
// Without the job runner: its hourly jobs first run five minutes after start, and on a generated
// engagement the certificate notices (thousands of certificates ending within 60 days of today)
// landed in the middle of a 20,000-vendor run. Requests are what this measures.
const report = await lifecycle.prepareServer({ jobs: false })
const app = createHttpApp({ build, clientDir: path.join(buildDir, 'client'), mode: report.mode, appUrl: report.appUrl })
const server: Server = await new Promise((resolve) => {
  const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
})
const address = server.address()
if (!address || typeof address === 'string') throw new Error('no port')

let histogram: ReturnType<typeof monitorEventLoopDelay> | undefined
const send = (message: BenchReply | { type: 'ready'; port: number }) => process.send?.(message)

process.on('message', async (message: BenchRequest) => {
  switch (message.type) {
    case 'loop-start':
      // 10 ms sampling resolution is Node's default; the delay beyond it is what is recorded.
      histogram = monitorEventLoopDelay({ resolution: 10 })
      histogram.enable()
      send({ id: message.id })
      return
    case 'loop-stop': {
      histogram?.disable()
      send({ id: message.id, p99Ms: (histogram?.percentile(99) ?? 0) / 1e6, maxMs: (histogram?.max ?? 0) / 1e6 })
      return
    }
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc
      if (gc) {
        gc()
        gc()
      }
      send({ id: message.id, rssBytes: process.memoryUsage().rss })
      return
    }
    case 'cpu':
      send({ id: message.id, cpuMs: mainThreadCpuMs() })
      return
    case 'stop':
      server.closeAllConnections()
      server.close()
      await lifecycle.shutdownServer()
      process.exit(0)
  }
})
send({ type: 'ready', port: address.port })
