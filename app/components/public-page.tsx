import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Logo } from './logo.tsx'

/** The frame of pages outside the app: the brand, then a narrow column. */
export function PublicPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <Link className="brand" to="/">
            <Logo /> Shoreline
          </Link>
        </div>
      </header>
      <main id="main" className={wide ? 'page medium' : 'page narrow'}>
        {children}
      </main>
    </>
  )
}
