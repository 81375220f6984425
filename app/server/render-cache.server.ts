import { createHash } from 'node:crypto'
import { PassThrough, Transform, type TransformCallback } from 'node:stream'
import type { EntryContext } from '@remix-run/node'
import { LRUCache } from 'lru-cache'

/**
 * A memo of rendered HTML for the pages that opt in (a route exporting `handle` with
 * `renderCache: true`; today the engagement dashboard, whose 50-row table costs several ms to
 * render). A page's HTML is a pure function of its URL, its routes' loader data and today's date
 * (a layout marks an engagement overdue), plus the request's CSP nonce, which is swapped in. The
 * key is a hash of exactly those inputs, so an entry is never stale: when data changes the key
 * changes, and old entries simply age out of the LRU. Loaders still run on every request (and
 * still check the session); only React's render is skipped.
 *
 * Not memoised: anything but a plain GET answered 200, a page with action data or an error, and
 * loader data that JSON cannot represent faithfully (a Map, a Set, a function: the key would not
 * capture it), which is rendered as usual.
 */
export type RenderCacheHandle = { renderCache?: boolean }

const MAX_BYTES = 32 * 1024 * 1024
/**
 * An entry is the page's UTF-8 bytes cut at every occurrence of the nonce it was rendered with, so a
 * later response is the pieces joined with its own nonce: a copy of bytes, with no string to
 * re-encode (undici checks every character of a string body, which cost more than the render saved).
 */
const rendered = new LRUCache<string, { pieces: Buffer[] }>({
  maxSize: MAX_BYTES,
  sizeCalculation: (entry) =>
    Math.max(
      1,
      entry.pieces.reduce((sum, piece) => sum + piece.length, 0),
    ),
})

/** Keys rendered once (and not kept): a key is kept the second time it is rendered. */
const seen = new LRUCache<string, true>({ max: 2000 })

class NotRepresentable extends Error {}

function strictReplacer(_key: string, value: unknown): unknown {
  if (value === undefined) return { $undefined: true }
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  if (typeof value === 'function' || typeof value === 'symbol') throw new NotRepresentable()
  if (value instanceof Map || value instanceof Set) throw new NotRepresentable()
  return value
}

/** The memo key for this render, or undefined when the page must be rendered afresh. */
export function renderCacheKey(
  request: Request,
  status: number,
  context: Pick<EntryContext, 'staticHandlerContext' | 'routeModules'>,
  today = new Date().toISOString().slice(0, 10),
): string | undefined {
  if (request.method !== 'GET' || status !== 200) return undefined
  const handler = context.staticHandlerContext
  if (handler.actionData || handler.errors) return undefined
  const optedIn = handler.matches.some(
    (match) => (context.routeModules[match.route.id]?.handle as RenderCacheHandle | undefined)?.renderCache === true,
  )
  if (!optedIn) return undefined
  let inputs: string
  try {
    inputs = JSON.stringify([request.url, today, handler.loaderData], strictReplacer)
  } catch {
    // Data JSON cannot hold (NotRepresentable, or a cycle): render afresh, never fail the page.
    return undefined
  }
  return createHash('sha256').update(inputs).digest('base64url')
}

/** The memoised page for `key`, as bytes, carrying this request's nonce, if any. */
export function memoisedHtml(key: string, nonce: string): Uint8Array<ArrayBuffer> | undefined {
  const entry = rendered.get(key)
  if (!entry) return undefined
  const separator = Buffer.from(nonce)
  const joined: Buffer[] = []
  entry.pieces.forEach((piece, i) => {
    if (i > 0) joined.push(separator)
    joined.push(piece)
  })
  // Buffer.concat allocates a fresh (never shared) ArrayBuffer.
  return Buffer.concat(joined) as Uint8Array<ArrayBuffer>
}

function cutAt(bytes: Buffer, nonce: string): Buffer[] {
  if (nonce === '') return [bytes]
  const separator = Buffer.from(nonce)
  const pieces: Buffer[] = []
  let from = 0
  for (let at = bytes.indexOf(separator); at !== -1; at = bytes.indexOf(separator, from)) {
    pieces.push(bytes.subarray(from, at))
    from = at + separator.length
  }
  pieces.push(bytes.subarray(from))
  return pieces
}

/**
 * Where the render's output goes: straight through the first time a key is rendered, and through a
 * copy that is memoised when the render ends cleanly (`failed()` is asked then) the second time.
 * Keeping a page costs its bytes held until the render ends and a copy of them; measured under
 * `bench:web`, paying that for every view made the views seen only once (a new sort, a new page) a
 * third slower, and most of them are never asked for again. Pages asked for twice are asked for
 * again.
 */
export function renderSink(key: string, nonce: string, failed: () => boolean): Transform {
  if (!seen.has(key)) {
    seen.set(key, true)
    return new PassThrough()
  }
  const chunks: Buffer[] = []
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
      callback(null, chunk)
    },
    flush(callback: TransformCallback) {
      if (!failed()) rendered.set(key, { pieces: cutAt(Buffer.concat(chunks), nonce) })
      callback()
    },
  })
}

/** For tests: forget every memoised page. */
export function clearRenderCache(): void {
  rendered.clear()
  seen.clear()
}
