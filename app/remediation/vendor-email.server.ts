import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { Locale } from '../i18n/locale.ts'
import { type Messages, messagesFor } from '../i18n/messages.ts'
import { vendorLink } from '../invitations/links.ts'
import { type SendResult, sendEmail } from '../mail/mailer.server.ts'
import { getVendorContact } from './queries.server.ts'

/** What every email to a vendor's contact names: who it is for, who asks, about what, and the link. */
export type VendorEmailContext = {
  contactName: string
  buyer: string
  engagement: string
  link: string
  /** The invitation's language, the one the email is written in. */
  locale: Locale
}

/**
 * Emails an invitation's contact, in the invitation's language, with a link made from a token the
 * caller issued (the token is kept out of the stored copy). `compose` picks the message.
 */
export async function emailVendorWithLink(
  db: Kysely<Database>,
  {
    organisationId,
    invitationId,
    kind,
    token,
    origin,
    compose,
  }: {
    organisationId: string
    invitationId: string
    kind: string
    token: string
    origin: string
    compose: (email: Messages['email'], context: VendorEmailContext) => { subject: string; text: string }
  },
): Promise<SendResult> {
  const vendor = await getVendorContact(db, { invitationId })
  const email = compose(messagesFor(vendor.language).email, {
    contactName: vendor.contactName,
    buyer: vendor.buyerName,
    engagement: vendor.engagementName,
    link: vendorLink(origin, token),
    locale: vendor.language,
  })
  return sendEmail(db, {
    organisationId,
    kind,
    to: vendor.contactEmail,
    subject: email.subject,
    text: email.text,
    invitationId,
    secrets: [token],
  })
}
