import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getDb } from '#app/db.server.ts'
import { languageCookie } from '#app/i18n/locale.server.ts'
import { isLocale } from '#app/i18n/locale.ts'
import { readVendorAccess } from '#app/vendor-portal/vendor-session.server.ts'

/**
 * The language switcher's target (a plain form POST, so it works without JavaScript): remembers the
 * choice in a cookie, makes it the language of later emails to this vendor, and returns to the page
 * the vendor was on. Answers are stored as codes, so nothing typed changes with the language.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  const back = String(form.get('redirectTo') ?? '/v')
  // Only back into the vendor area: never an open redirect.
  const target = /^\/v(\/[\w\-./]*)?(\?[\w\-=&%.]*)?(#[\w\-.]*)?$/.test(back) ? back : '/v'
  if (!isLocale(lang)) return new Response('Choose en, es or zh.', { status: 400 })
  const access = await readVendorAccess(request.headers.get('Cookie'))
  if (access.ok) {
    await getDb().updateTable('invitation').set({ language: lang }).where('id', '=', access.invitationId).execute()
  }
  return redirect(target, { headers: { 'Set-Cookie': await languageCookie().serialize(lang) } })
}

export async function loader() {
  throw new Response('Not found', { status: 404 })
}
