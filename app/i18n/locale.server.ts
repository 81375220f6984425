import { createCookie } from '@remix-run/node'
import Negotiator from 'negotiator'
import { getEnv } from '../env.server.ts'
import { isLocale, LOCALES, type Locale } from './locale.ts'

let cookie: ReturnType<typeof createCookie> | undefined

/**
 * The vendor's explicit choice of language, kept for a year (not a secret: no signature needed).
 * Secure in production like every other cookie of the site.
 */
export function languageCookie() {
  cookie ??= createCookie('shoreline_lang', {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: getEnv().mode === 'production',
    maxAge: 60 * 60 * 24 * 365,
  })
  return cookie
}

/**
 * The language of a vendor page: the language the vendor chose with the switcher, else the best
 * match of the browser's Accept-Language (zh-CN, zh-Hans, es-MX, es-419 … match), else English.
 */
export async function requestLocale(request: Request): Promise<Locale> {
  const chosen = await languageCookie().parse(request.headers.get('Cookie'))
  if (isLocale(chosen)) return chosen
  const negotiated = new Negotiator({
    headers: { 'accept-language': request.headers.get('Accept-Language') ?? '' },
  }).language([...LOCALES])
  return isLocale(negotiated) ? negotiated : 'en'
}
