import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Logo } from '../components/logo.tsx'
import { LOCALE_NAMES, LOCALES } from '../i18n/locale.ts'
import { useLocale } from '../i18n/use-locale.tsx'
import { useMessages } from '../i18n/use-messages.tsx'

/** The frame of every vendor page: brand, the language switcher, then the page. */
export function VendorPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <Link className="brand" to="/v">
            <Logo /> Shoreline
          </Link>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className={wide ? 'page medium' : 'page narrow'}>
        {children}
      </main>
    </>
  )
}

/** Three buttons in a plain form: works without JavaScript and with the keyboard. */
function LanguageSwitcher() {
  const locale = useLocale()
  const t = useMessages()
  const location = useLocation()
  return (
    <Form method="post" action="/v/language" className="language-switcher" aria-label={t.language}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <span className="muted" aria-hidden="true">
        {t.language}:
      </span>{' '}
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          lang={code === 'zh' ? 'zh-Hans' : code}
          className="link-button"
          aria-current={code === locale ? 'true' : undefined}
          aria-pressed={code === locale}
        >
          {LOCALE_NAMES[code]}
        </button>
      ))}
    </Form>
  )
}
