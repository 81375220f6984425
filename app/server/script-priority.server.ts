import { Transform, type TransformCallback } from 'node:stream'

/**
 * The page's scripts are fetched at low priority: every `<link rel="modulepreload">` Remix's
 * `<Scripts>` writes gets `fetchpriority="low"` (issue 17, README decision 90).
 *
 * Pages are rendered on the server, so nothing on them waits for a script to paint: the scripts
 * only hydrate. A modulepreload is fetched at High priority, though, which on a slow connection
 * puts 20-35 modules (150-230 KiB) in competition with the stylesheet the first paint does wait
 * for, and Lighthouse's simulation (Lantern) counts every High-priority script that finished before
 * the observed first paint as render-blocking: under load, when the first paint came late, the
 * dashboard's simulated First Contentful Paint was 3.2 s instead of 1 s. At low priority Chromium
 * fetches the stylesheet first and the modules after, still in parallel with the parsing of the
 * page, and Lighthouse no longer counts them for the first paint. Hydration still has every module
 * preloaded (no import waterfall); the inline module script reuses the preloads.
 *
 * Remix 2 offers no prop for its preload links (`<Scripts>` passes only `crossOrigin` to them), so
 * the rendered HTML is amended as it streams: the tag's bytes are ASCII and React writes it as one
 * string, but a chunk may end inside it, so a chunk's tail that could begin the tag is held back
 * until the next chunk (or the end).
 */
const TAG = Buffer.from('<link rel="modulepreload"')
const LOW = Buffer.from(' fetchpriority="low"')

/** How many bytes at the end of `bytes` could be the start of TAG (0 when none). */
function partialTagAtEnd(bytes: Buffer): number {
  for (let length = Math.min(TAG.length - 1, bytes.length); length > 0; length--) {
    if (bytes.subarray(bytes.length - length).equals(TAG.subarray(0, length))) return length
  }
  return 0
}

/** Every complete TAG in `bytes` followed by LOW. */
function amend(bytes: Buffer): Buffer {
  let at = bytes.indexOf(TAG)
  if (at === -1) return bytes
  const pieces: Buffer[] = []
  let from = 0
  for (; at !== -1; at = bytes.indexOf(TAG, from)) {
    pieces.push(bytes.subarray(from, at + TAG.length), LOW)
    from = at + TAG.length
  }
  pieces.push(bytes.subarray(from))
  return Buffer.concat(pieces)
}

export function lowPriorityScripts(): Transform {
  let held = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
      const bytes = held.length
        ? Buffer.concat([held, typeof chunk === 'string' ? Buffer.from(chunk) : chunk])
        : typeof chunk === 'string'
          ? Buffer.from(chunk)
          : chunk
      const keep = partialTagAtEnd(bytes)
      held = Buffer.from(bytes.subarray(bytes.length - keep))
      callback(null, amend(bytes.subarray(0, bytes.length - keep)))
    },
    flush(callback: TransformCallback) {
      callback(null, held.length ? held : null)
    },
  })
}
