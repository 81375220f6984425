import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import onHeaders from 'on-headers'
import { bodyGuard, errorHandler } from './body-guard.server.ts'
import { handleWithRemix } from './remix-handler.server.ts'

type AutosaveAnswer = (
  cookieHeader: string | null,
  body: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    clientIp: string
  }
}

export type HttpAppOptions = {
  build: ServerBuild
  clientDir: string
  mode: 'development' | 'production' | 'test'
  appUrl: string | undefined
  /** Proxies allowed to name the client in X-Forwarded-For (TRUST_PROXY); none by default. */
  trustProxy?: false | number | string[]
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery guard for every state-changing request: the Origin header, when the
 * browser sends one, must be this site's; without it, Sec-Fetch-Site must not say cross-site.
 * (Requests from non-browser clients carry neither and hold no victim's cookies.)
 */
export function isCrossSiteRequest(
  headers: { origin?: string; secFetchSite?: string; host?: string },
  ownOrigins: string[],
): boolean {
  // "null": an opaque origin. Browsers send it for a form POST from a page with
  // Referrer-Policy: no-referrer (every vendor page), so Sec-Fetch-Site decides; it must say
  // same-origin (a sandboxed frame on another site says cross-site).
  if (headers.origin === 'null') return headers.secFetchSite !== 'same-origin'
  if (headers.origin) return !ownOrigins.includes(headers.origin)
  return headers.secFetchSite === 'cross-site' || headers.secFetchSite === 'same-site'
}

export function isVendorPath(path: string): boolean {
  return path === '/v' || path.startsWith('/v/')
}

/** Pages and data behind the buyer login: `/app`, `/app/…`, and Remix's data URLs `/app.data`, `/app/….data`. */
export function isSignedInPath(path: string): boolean {
  return path === '/app' || path.startsWith('/app/') || path.startsWith('/app.')
}

export function createHttpApp({ build, clientDir, mode, appUrl, trustProxy = false }: HttpAppOptions) {
  const app = express()
  app.disable('x-powered-by')
  // The client address the throttles count by: the socket's, or behind trusted proxies the
  // right-most untrusted X-Forwarded-For entry (Express's proxy-addr), so one client cannot
  // lock out everyone behind the proxy, and no client can choose its own address.
  app.set('trust proxy', trustProxy)
  app.use(compression())

  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'object-src': ["'none'"],
        },
      },
      // set below, by path
      referrerPolicy: false,
      strictTransportSecurity: mode === 'production' && appUrl?.startsWith('https:') ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  )

  // Vendor pages are reached through a secret link: they never send a referrer anywhere.
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Referrer-Policy', isVendorPath(req.path) ? 'no-referrer' : 'same-origin')
    next()
  })

  // Signed-in pages hold an organisation's data: no browser or shared cache may keep them (the
  // back button after logout on a shared computer). Decided as the headers are written, so a route
  // that sets its own Cache-Control (PDF, CSV: also no-store) keeps its value instead of a second one.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isSignedInPath(req.path))
      onHeaders(res, () => {
        if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store')
      })
    next()
  })

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const own = [`${req.protocol}://${req.get('host')}`]
    if (appUrl) own.push(new URL(appUrl).origin)
    const crossSite = isCrossSiteRequest(
      { origin: req.get('origin'), secFetchSite: req.get('sec-fetch-site'), host: req.get('host') },
      own,
    )
    if (crossSite) {
      res.status(403).type('text/plain').send('Cross-site request refused. Reload the page and try again.')
      return
    }
    // A same-origin POST with an opaque origin (see isCrossSiteRequest) passed: drop the "null" so
    // Remix's own action check, which compares Origin with Host, does not abort it.
    if (req.headers.origin === 'null') delete req.headers.origin
    next()
  })

  // --- Request bodies (body-guard.server.ts): size limits, content types, well-formedness. ---
  app.use(bodyGuard())

  // Fingerprinted build assets never change; everything else in public/ may.
  app.use('/assets', express.static(`${clientDir}/assets`, { immutable: true, maxAge: '1y', index: false }))
  // The other files of public/ (favicon.svg…) are known at start: only their paths reach the file
  // system, so a page request costs no failed stat() (about 5 % of a dashboard's first look's CPU).
  const publicFiles = new Set(
    (existsSync(clientDir) ? readdirSync(clientDir, { withFileTypes: true }) : [])
      .filter((entry) => entry.isFile())
      .map((entry) => `/${entry.name}`),
  )
  const publicStatic = express.static(clientDir, { maxAge: '1h', index: false })
  app.use((req: Request, res: Response, next: NextFunction) =>
    publicFiles.has(req.path) ? publicStatic(req, res, next) : next(),
  )

  // Autosave is the busiest endpoint (every vendor, every few seconds): answer it here with the
  // app's own function from the build, without Remix's per-request route matching and Request
  // construction. Same checks (the origin check above, the vendor session, validation) and the
  // same replies as the route app/routes/v.answers.ts, which serves `npm run dev`.
  const autosave = (build.entry.module as { autosaveAnswer?: AutosaveAnswer }).autosaveAnswer
  if (autosave) {
    app.post('/v/answers', (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Cache-Control', 'no-store')
      // The body guard parsed (and depth-checked) the JSON.
      autosave(req.get('cookie') ?? null, res.locals.bufferedBody?.json)
        .then((reply) => res.status(reply.status).json(reply.body))
        .catch(next)
    })
  }

  const remix = createRequestHandler(build, mode === 'production' ? 'production' : 'development')
  app.all('*', (req: Request, res: Response, next: NextFunction) => {
    handleWithRemix(remix, req, res, {
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? 'unknown',
    }).catch(next)
  })

  // --- Errors (body-guard.server.ts): a client's mistake is a 4xx with a message, never a 500. ---
  app.use(errorHandler())
  return app
}
