import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getDb } from '#app/db.server.ts'
import { languageCookie } from '#app/i18n/locale.server.ts'
import { changeVendorLanguage, LanguageChoiceSchema } from '#app/vendor-portal/language.server.ts'
import { readVendorAccess } from '#app/vendor-portal/vendor-session.server.ts'

/**
 * The language switcher's target (a plain form POST, so it works without JavaScript): remembers the
 * choice in a cookie, makes it the language of later emails to this vendor (audited), and returns
 * to the page the vendor was on. Answers are stored as codes, so nothing typed changes.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const parsed = LanguageChoiceSchema.safeParse({
    lang: form.get('lang') ?? undefined,
    redirectTo: form.get('redirectTo') ?? undefined,
  })
  if (!parsed.success) return new Response(parsed.error.issues[0]?.message ?? 'Choose en, es or zh.', { status: 400 })
  const { lang, redirectTo } = parsed.data
  const access = await readVendorAccess(request.headers.get('Cookie'))
  if (access.ok) await changeVendorLanguage(getDb(), { invitationId: access.invitationId, language: lang })
  return redirect(redirectTo, { headers: { 'Set-Cookie': await languageCookie().serialize(lang) } })
}

export async function loader() {
  throw new Response('Not found', { status: 404 })
}
