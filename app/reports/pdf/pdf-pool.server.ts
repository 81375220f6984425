import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { getPdfEnv } from '../../env.server.ts'
import type { PdfJob } from './render.server.tsx'

/**
 * Renders PDFs off the request thread: a small pool of `worker_threads` workers, each running the
 * bundled `pdf-worker.js` (emitted next to the server build by the `pdf-worker` plugin in
 * vite.config.ts). Jobs queue when every worker is busy; a render that overruns its time is
 * stopped by terminating its worker (a fresh one replaces it); a worker is also replaced after
 * `MAX_RENDERS_PER_WORKER` renders, so memory that react-pdf keeps between renders stays bounded.
 *
 * Without the bundle (the Vite dev server, unit tests) it renders in this thread instead.
 */

export class PdfBusyError extends Error {
  override name = 'PdfBusyError'
}
export class PdfTimeoutError extends Error {
  override name = 'PdfTimeoutError'
}

/** PDF_WORKERS, or one fewer than the cores (at least 1, at most 2: each worker holds a renderer's memory). */
const poolSize = () => getPdfEnv().workers ?? Math.max(1, Math.min(2, os.availableParallelism() - 1))
const renderTimeoutMs = () => getPdfEnv().timeoutMs
const MAX_QUEUE = 50
const MAX_RENDERS_PER_WORKER = 50

type Pending = { job: PdfJob; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }
type WorkerResult = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: string }
type Slot = { worker: Worker; busy: boolean; renders: number }

/** The bundled worker beside this module's bundle (build/server/), if there is one. */
function workerFile(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const candidate of [path.join(here, 'pdf-worker.js'), path.join(here, '..', 'pdf-worker.js')]) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * Every option a Worker reads, given explicitly on an object without a prototype. Node reads
 * options such as `execArgv`, `env` and `eval` with plain property access, so with a default it
 * would inherit a value planted on `Object.prototype` (prototype pollution) and start the worker
 * with an attacker's flags or code. Nothing here is inherited: no flags, the environment copied
 * key by key at spawn, and the bundled file as the only code.
 */
export function workerOptions(): WorkerOptions {
  const env: Record<string, string> = Object.create(null)
  for (const key of Object.keys(process.env)) {
    const value = process.env[key]
    if (typeof value === 'string') env[key] = value
  }
  return Object.assign(Object.create(null) as WorkerOptions, {
    name: 'pdf-renderer',
    eval: false,
    execArgv: [],
    argv: [],
    env,
    stdin: false,
    stdout: false,
    stderr: false,
    trackUnmanagedFds: true,
  } satisfies WorkerOptions)
}

class PdfPool {
  private slots: Slot[] = []
  private queue: Pending[] = []
  private nextId = 1
  private closed = false

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  render(job: PdfJob): Promise<Uint8Array> {
    if (this.queue.length >= MAX_QUEUE) return Promise.reject(new PdfBusyError('Too many PDFs are being rendered'))
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject })
      this.pump()
    })
  }

  /**
   * Starts a worker. A warmed one renders a sample report first (fonts loaded, layout code
   * compiled), and takes no job until that is done: a cold worker's first render is several times
   * slower than the rest.
   */
  private spawn(warm = false): Slot {
    const worker = new Worker(this.file, workerOptions())
    // An idle pool never keeps the process alive; shutdown terminates it anyway.
    worker.unref()
    const slot: Slot = { worker, busy: warm, renders: 0 }
    if (warm) {
      const onWarm = (message: { id: number; warmedUp?: true }) => {
        if (message.id !== 0 || !message.warmedUp) return
        worker.off('message', onWarm)
        slot.busy = false
        this.pump()
      }
      worker.on('message', onWarm)
      worker.postMessage({ id: 0, warmUp: true })
    }
    worker.on('error', (error) => console.error('PDF worker failed:', error))
    worker.on('exit', () => {
      this.slots = this.slots.filter((s) => s !== slot)
      if (!this.closed) this.pump()
    })
    this.slots.push(slot)
    return slot
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.busy)
      if (!slot && this.slots.length < this.size) slot = this.spawn()
      if (!slot) return
      this.run(slot, this.queue.shift()!)
    }
  }

  private run(slot: Slot, pending: Pending): void {
    slot.busy = true
    slot.renders += 1
    slot.worker.ref()
    const id = this.nextId++
    const timeoutMs = renderTimeoutMs()
    const finish = (retire: boolean) => {
      clearTimeout(timer)
      slot.worker.off('message', onMessage)
      slot.worker.off('exit', onExit)
      slot.busy = false
      slot.worker.unref()
      if (retire || slot.renders >= MAX_RENDERS_PER_WORKER) {
        this.slots = this.slots.filter((s) => s !== slot)
        void slot.worker.terminate()
        // Replace a worker retired for its age at once, warmed, while the others serve.
        if (!retire && !this.closed) this.spawn(true)
      }
      this.pump()
    }
    const onMessage = (message: WorkerResult) => {
      if (message.id !== id) return
      finish(false)
      if (message.ok) pending.resolve(message.bytes)
      else pending.reject(new Error(`PDF rendering failed: ${message.error}`))
    }
    const onExit = (code: number) => {
      finish(true)
      pending.reject(new Error(`PDF worker stopped (exit code ${code})`))
    }
    const timer = setTimeout(() => {
      finish(true)
      pending.reject(new PdfTimeoutError(`PDF rendering took longer than ${timeoutMs} ms`))
    }, timeoutMs)
    slot.worker.on('message', onMessage)
    slot.worker.once('exit', onExit)
    slot.worker.postMessage({ id, job: pending.job })
  }

  /** Starts the workers, warmed, so the first real render is not the slow one. */
  warmUp(): void {
    while (this.slots.length < this.size) this.spawn(true)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const pending of this.queue.splice(0)) pending.reject(new PdfBusyError('The server is shutting down'))
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
    this.slots = []
  }
}

let pool: PdfPool | undefined

/** Renders a PDF in the worker pool (in this thread when no worker bundle exists, e.g. `npm run dev`). */
export async function renderPdfOffThread(job: PdfJob): Promise<Uint8Array> {
  if (!pool) {
    const file = workerFile()
    if (!file) {
      const { renderPdf } = await import('./render.server.tsx')
      return renderPdf(job)
    }
    pool = new PdfPool(file, poolSize())
  }
  return pool.render(job)
}

/** Starts the pool's workers ahead of the first request (called at server start). */
export function warmUpPdfPool(): void {
  if (pool) return
  const file = workerFile()
  if (!file) return
  pool = new PdfPool(file, poolSize())
  pool.warmUp()
}

export async function closePdfPool(): Promise<void> {
  await pool?.close()
  pool = undefined
}
