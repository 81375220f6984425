import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { requestLocale } from '#app/i18n/locale.server.ts'

/**
 * The vendor area: every page reached through a vendor link. Its loader settles the page language
 * (the vendor's choice, else Accept-Language), which root uses for <html lang> and every vendor
 * page for its texts.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: await requestLocale(request) }
}

export default function VendorArea() {
  return <Outlet />
}
