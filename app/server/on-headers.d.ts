// on-headers 1.1 ships no types; this is its whole API (the jshttp module compression and morgan use).
declare module 'on-headers' {
  import type { ServerResponse } from 'node:http'

  /** Calls `listener` once, just before the response writes its status line and headers. */
  export default function onHeaders<R extends ServerResponse>(res: R, listener: (this: R) => void): void
}
