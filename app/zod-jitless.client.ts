/**
 * zod 4 asks once, at its first object parse, whether it may compile parsers with `new Function`.
 * The Content-Security-Policy (app/server/http.server.ts) forbids eval, so in a browser the answer is
 * always no, and Chromium logs every such probe as a Content Security Policy issue (the dashboard's
 * and the vendor report's Lighthouse best practices were 96, issue 17, README decision 90). With
 * `jitless` zod skips the probe and parses as it did anyway. zod keeps its settings in
 * `globalThis.__zod_globalConfig` (one object for every copy of zod), so setting it here, in the
 * root route's first import, comes before any module that uses zod and loads no zod on pages
 * without a form. Client only (`.client.ts`): the server has no CSP and keeps zod's compiled parsers.
 */
const scope = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } }
// The same object zod reads (it keeps one it finds), so this holds even if zod came first.
scope.__zod_globalConfig ??= {}
scope.__zod_globalConfig.jitless = true
