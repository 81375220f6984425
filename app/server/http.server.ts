import { randomBytes } from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'

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
  if (headers.origin) return !ownOrigins.includes(headers.origin)
  return headers.secFetchSite === 'cross-site' || headers.secFetchSite === 'same-site'
}

export function isVendorPath(path: string): boolean {
  return path === '/v' || path.startsWith('/v/')
}

export function createHttpApp({ build, clientDir, mode, appUrl }: HttpAppOptions) {
  const app = express()
  app.disable('x-powered-by')
  // Compress pages and assets, not the autosave endpoint's tiny JSON replies: Remix streams them
  // without a Content-Length, so compression's size threshold cannot skip them, and gzip would cost
  // more CPU than the bytes it saves (measured in the autosave benchmark, docs/PERFORMANCE.md).
  app.use(compression({ filter: (req, res) => req.path !== '/v/answers' && compression.filter(req, res) }))

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
    next()
  })

  // Fingerprinted build assets never change; everything else in public/ may.
  app.use('/assets', express.static(`${clientDir}/assets`, { immutable: true, maxAge: '1y', index: false }))
  app.use(express.static(clientDir, { maxAge: '1h', index: false }))

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: mode === 'production' ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  )
  return app
}
