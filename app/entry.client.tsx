import { RemixBrowser } from '@remix-run/react'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { beforeHydration } from './utils/before-hydration.ts'

// The route modules ran before this one: the parts of the page they load apart, and that the
// server rendered, are here before React hydrates (README decision 94).
void beforeHydration().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  }),
)
