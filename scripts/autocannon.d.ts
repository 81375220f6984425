// The part of autocannon 9's API that scripts/bench-web.ts uses (the package ships no types; this
// avoids a second dev dependency for a benchmark script).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    headers?: Record<string, string>
    method?: string
    timeout?: number
    /** Each request through `setupRequest`, which may change its `path`. */
    requests?: Array<{ setupRequest?: (request: { path: string }) => { path: string } }>
  }
  export type Histogram = {
    average: number
    mean: number
    min: number
    max: number
    p50: number
    p99: number
    total: number
  }
  export type Result = {
    requests: Histogram
    latency: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
  }
  export type Instance = EventEmitter & PromiseLike<Result>
  export default function autocannon(options: Options): Instance
}
