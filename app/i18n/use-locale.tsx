import { useRouteLoaderData } from '@remix-run/react'
import { isLocale, type Locale } from './locale.ts'
import { type Messages, messagesFor } from './messages.ts'

/** The vendor area's layout route (app/routes/v.tsx) holds the page language in its loader data. */
const VENDOR_LAYOUT_ROUTE_ID = 'routes/v'

/** The language of the current vendor page; English outside the vendor area. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: string }>(VENDOR_LAYOUT_ROUTE_ID)
  return isLocale(data?.locale) ? data.locale : 'en'
}

export function useMessages(): Messages {
  return messagesFor(useLocale())
}
