import { useRouteLoaderData } from '@remix-run/react'
import { isLocale, type Locale } from './locale.ts'

/** The vendor area's layout route (app/routes/v.tsx) holds the page language in its loader data. */
const VENDOR_LAYOUT_ROUTE_ID = 'routes/v'

/**
 * The language of the current vendor page; English outside the vendor area. The root reads it for
 * `<html lang>` on every page, so this module must not import the messages (every vendor text in
 * three languages, 15 KiB compressed): `useMessages` lives in use-messages.tsx (README decision 87).
 */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: string }>(VENDOR_LAYOUT_ROUTE_ID)
  return isLocale(data?.locale) ? data.locale : 'en'
}
