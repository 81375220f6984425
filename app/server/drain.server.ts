import type { Server } from 'node:http'

/**
 * Graceful shutdown of the HTTP side: stop accepting connections, close the idle keep-alive ones,
 * let requests in flight finish (a vendor's autosave, an upload, a PDF), and only after
 * `timeoutMs` cut what is still open. A load balancer sends new requests to the other instances
 * meanwhile. Resolves once every connection is closed.
 */
export async function drainHttpServer(server: Server, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  // A keep-alive connection becomes idle when its response ends; close it then, not at the deadline.
  const idle = setInterval(() => server.closeIdleConnections(), 50)
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs)
  try {
    await closed
  } finally {
    clearInterval(idle)
    clearTimeout(deadline)
  }
}
