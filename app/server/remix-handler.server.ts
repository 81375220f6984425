// The adapter's own request and response conversion (host, port and protocol as Express's
// trust-proxy setting sees them; the abort signal when the client goes away). Its index exports
// only createRequestHandler, which always streams the body from the socket.
import { createRemixRequest, sendRemixResponse } from '@remix-run/express/dist/server.js'
import type { AppLoadContext, RequestHandler } from '@remix-run/node'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { bufferedBody } from './body-guard.server.ts'

/**
 * @remix-run/express's request handler, except that a body the body guard already read and
 * checked is handed to Remix from memory (the socket has been read to its end by then).
 */
export async function handleWithRemix(
  handle: RequestHandler,
  req: ExpressRequest,
  res: ExpressResponse,
  loadContext: AppLoadContext,
): Promise<void> {
  let request = createRemixRequest(req, res)
  const buffered = bufferedBody(res)
  if (buffered) request = new Request(request, { body: buffered.body, duplex: 'half' } as RequestInit)
  await sendRemixResponse(res, await handle(request, loadContext))
}
