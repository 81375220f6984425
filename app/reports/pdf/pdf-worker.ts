import { parentPort } from 'node:worker_threads'
import { type PdfJob, renderPdf, warmUpRenderer } from './render.server.tsx'

/**
 * The PDF worker thread's entry (bundled to build/server/pdf-worker.js by vite.config.ts). Renders
 * one job at a time, in the order received, and sends the bytes back without copying them.
 */
type Message = { id: number; job?: PdfJob; warmUp?: true }

let chain: Promise<void> = Promise.resolve()

parentPort?.on('message', (message: Message) => {
  chain = chain.then(async () => {
    if (message.warmUp) {
      await warmUpRenderer().catch(() => {})
      parentPort?.postMessage({ id: 0, warmedUp: true })
      return
    }
    if (!message.job) return
    try {
      const bytes = await renderPdf(message.job)
      // A fresh buffer we own, so it can be transferred rather than copied.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
      parentPort?.postMessage({ id: message.id, ok: true, bytes: owned }, [owned.buffer as ArrayBuffer])
    } catch (error) {
      parentPort?.postMessage({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  })
})
