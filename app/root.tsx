// First: zod's settings before any module that uses zod (see the file).
import './zod-jitless.client.ts'
import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { LOCALE_TAGS } from './i18n/locale.ts'
import { useLocale } from './i18n/use-locale.tsx'
import { useNonce } from './nonce.tsx'
import stylesheet from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Shoreline — vendor due diligence for cross-border outsourcing' }]

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const locale = useLocale()
  return (
    <html lang={LOCALE_TAGS[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return (
    <main className="page narrow">
      <GeneralErrorBoundary />
    </main>
  )
}
