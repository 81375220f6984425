import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './nonce.tsx'
import { memoisedHtml, renderCacheKey, renderSink } from './server/render-cache.server.ts'

// Start-up and shut-down live in the server build, so the serving process has one database module.
export { prepareServer, shutdownServer } from './server/lifecycle.server.ts'
// The autosave hot path, answered by the production server directly (app/server/http.server.ts).
export { autosaveAnswer } from './vendor-portal/autosave.server.ts'

export const streamTimeout = 5_000

/**
 * Remix's error log. A 4xx raised by the router itself (a POST to a route without an action, a URL
 * no route matches) is the client's mistake and answered as such (405, 404): not logged as a
 * server error. A client that went away is not logged either; everything else is.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) return
  console.error(isRouteErrorResponse(error) ? ((error as { error?: unknown }).error ?? error) : error)
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  // Pages that opt in are rendered once per distinct data (app/server/render-cache.server.ts).
  const cacheKey = nonce ? renderCacheKey(request, responseStatusCode, remixContext) : undefined
  const memoised = cacheKey ? memoisedHtml(cacheKey, nonce) : undefined
  if (memoised !== undefined) {
    responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
    return new Response(memoised, { headers: responseHeaders, status: responseStatusCode })
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    let failed = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = cacheKey ? renderSink(cacheKey, nonce, () => failed) : new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          failed = true
          responseStatusCode = 500
          // Errors after the shell are logged here; before it, Remix's error boundary renders them.
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1_000)
  })
}
