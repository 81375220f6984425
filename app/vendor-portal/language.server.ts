import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { LOCALES, type Locale } from '../i18n/locale.ts'
import { findInvitationLanguage, updateInvitationLanguage } from './queries.server.ts'

/** Only back into the vendor area (never an open redirect); anything else returns to `/v`. */
const VENDOR_PATH = /^\/v(\/[\w\-./]*)?(\?[\w\-=&%.]*)?(#[\w\-.]*)?$/

/** The language switcher's plain form post: a language, and the page to return to. */
export const LanguageChoiceSchema = z.object({
  lang: z.enum(LOCALES, { error: 'Choose en, es or zh.' }),
  redirectTo: z.unknown().transform((path) => (typeof path === 'string' && VENDOR_PATH.test(path) ? path : '/v')),
})

/**
 * A vendor chose a language: later emails to this vendor are written in it. A change is audited
 * (`vendor.language-changed`, from and to) in the same transaction; choosing the language it
 * already has records nothing.
 */
export async function changeVendorLanguage(
  db: Kysely<Database>,
  { invitationId, language }: { invitationId: string; language: Locale },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findInvitationLanguage(trx, { invitationId })
    if (!current || current.language === language) return
    await updateInvitationLanguage(trx, { invitationId, language })
    await recordAuditEvent(trx, {
      organisationId: current.organisationId,
      engagementId: current.engagementId,
      actor: { type: 'vendor', invitationId },
      action: 'vendor.language-changed',
      subjectType: 'invitation',
      subjectId: invitationId,
      detail: { from: current.language, to: language },
    })
  })
}
