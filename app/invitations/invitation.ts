import Papa from 'papaparse'
import { z } from 'zod'
import { EmailSchema } from '../auth/auth.ts'
import { isCountryCode } from '../geography/countries.ts'
import { LOCALES, type Locale } from '../i18n/locale.ts'
import { type InvitationStatus, MAX_REOPEN_MESSAGE } from './status.ts'

/** Invitation forms and statuses. Client-safe: shared by the browser form and the server action. */

// Statuses and their labels live in ./status.ts (no zod, papaparse or country list): pages that only
// show a status, like the vendor report, load that small module instead of the forms.
export { INVITATION_STATUSES, type InvitationStatus, MAX_REOPEN_MESSAGE, STATUS_LABELS } from './status.ts'

/** An invitation as the vendor's page shows it to the buyer (`loadInvitationPanel`). */
export type InvitationPanelData = {
  status: InvitationStatus
  expiresAt: string
  lastEmailStatus: string | null
  archived: boolean
}

export const CountryCodeSchema = z.string({ error: 'Choose a country' }).trim().toUpperCase().refine(isCountryCode, {
  message: 'Choose a country from the list (an ISO 3166-1 code such as IN or PR)',
})

export const InviteVendorSchema = z.object({
  vendorCompany: z
    .string({ error: 'Enter the vendor’s company name' })
    .trim()
    .min(1, 'Enter the vendor’s company name')
    .max(160),
  vendorCountry: CountryCodeSchema,
  contactName: z.string({ error: 'Enter the contact’s name' }).trim().min(1, 'Enter the contact’s name').max(120),
  contactEmail: EmailSchema,
  language: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.enum(LOCALES, { error: 'Choose English, Español or 中文' }).optional(),
  ),
})
export type InviteVendorInput = z.infer<typeof InviteVendorSchema>

/** The invitation email's languages, as the invite forms offer them (blank: from the vendor's country). */
export const EMAIL_LANGUAGE_CHOICES: ReadonlyArray<{ value: '' | Locale; label: string }> = [
  { value: '', label: 'From the vendor’s country' },
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español (Spanish)' },
  { value: 'zh', label: '中文 (Chinese, simplified)' },
]

export const ExtendInvitationSchema = z.object({
  days: z.coerce
    .number({ error: 'Enter a number of days' })
    .int('Enter whole days')
    .min(1, 'At least 1 day')
    .max(90, 'At most 90 days'),
})

/** The buyer's message to a vendor whose submitted questionnaire is reopened (it is emailed). */
export const ReopenResponseSchema = z.object({
  message: z
    .string({ error: 'Tell the vendor what to change (a few words at least).' })
    .trim()
    .min(3, 'Tell the vendor what to change (a few words at least).')
    .max(MAX_REOPEN_MESSAGE, `At most ${MAX_REOPEN_MESSAGE.toLocaleString('en-GB')} characters`),
})

/**
 * What a buyer can do with one invitation (on the vendor's page): a new link (also the retry of a
 * failed email), a longer link, revoking it, or reopening a submitted questionnaire.
 */
export const InvitationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('resend') }),
  z.object({ intent: z.literal('revoke') }),
  ExtendInvitationSchema.extend({ intent: z.literal('extend') }),
  ReopenResponseSchema.extend({ intent: z.literal('reopen') }),
])
export type InvitationAction = z.infer<typeof InvitationActionSchema>

/**
 * A pasted list of vendors, parsed into invitations (`parsePastedInvitations`). Every mistake is an
 * issue of its own, so the form can list them all: a line that is not four valid fields ("Line 2:
 * vendorCountry: …") and an address that appears more than once.
 */
export const PasteInvitationsSchema = z.object({
  /** One language for the whole list; blank takes each vendor's from its country. */
  language: InviteVendorSchema.shape.language,
  rows: z
    .string({ error: 'Paste at least one vendor' })
    .trim()
    .min(1, 'Paste at least one vendor, one per line')
    .max(50_000)
    .transform((text, ctx) => {
      const rows = parsePastedInvitations(text)
      for (const row of rows) {
        if (row.errors) ctx.addIssue({ code: 'custom', message: `Line ${row.line}: ${row.errors.join('; ')}` })
      }
      const vendors = rows.flatMap((row) => (row.input ? [row.input] : []))
      const emails = vendors.map((vendor) => vendor.contactEmail)
      for (const email of new Set(emails.filter((email, i) => emails.indexOf(email) !== i))) {
        ctx.addIssue({ code: 'custom', message: `${email} appears more than once` })
      }
      if (rows.length === 0) ctx.addIssue({ code: 'custom', message: 'Paste at least one vendor' })
      return vendors
    }),
})

export type PastedRow = { line: number; input?: InviteVendorInput; errors?: string[] }

/** The pasted fields in the buyer's words, for line errors ("Line 2: country: …"). */
const PASTED_FIELD_NAMES: Record<string, string> = {
  vendorCompany: 'company',
  vendorCountry: 'country',
  contactName: 'contact name',
  contactEmail: 'email',
}

/**
 * Parses pasted vendors, one per line: company, country, contact name, email. Each line is read on
 * its own (papaparse, RFC 4180 quoting): separated by tabs when it holds one (a row pasted from a
 * spreadsheet, whose cells may hold commas), by commas otherwise — and a field with a comma inside
 * is quoted: "Norte, S.A. de C.V.", MX, Ana López, ana@norte.example. Each line is validated with
 * the same schema as the single-vendor form, so a mistake is reported with its line number.
 */
export function parsePastedInvitations(text: string): PastedRow[] {
  const rows: PastedRow[] = []
  text.split(/\r\n|\n|\r/).forEach((source, index) => {
    if (source.trim() === '') return
    const line = index + 1
    const { data } = Papa.parse<string[]>(source, { delimiter: source.includes('\t') ? '\t' : ',' })
    const trimmed = (data[0] ?? []).map((cell) => cell.trim())
    if (trimmed.length !== 4) {
      rows.push({
        line,
        errors: [
          `expected 4 fields (company, country, contact name, email), found ${trimmed.length}` +
            (trimmed.length > 4 && !source.includes('\t') ? ': put a name with a comma in quotes' : ''),
        ],
      })
      return
    }
    const [vendorCompany, vendorCountry, contactName, contactEmail] = trimmed
    const parsed = InviteVendorSchema.safeParse({ vendorCompany, vendorCountry, contactName, contactEmail })
    if (parsed.success) rows.push({ line, input: parsed.data })
    else
      rows.push({
        line,
        errors: parsed.error.issues.map((issue) => {
          const field = String(issue.path[0])
          // The form's country message points at its list; a pasted line has none.
          const message =
            field === 'vendorCountry'
              ? `“${vendorCountry}” is not a country code: use two letters such as MX, PH or PR`
              : issue.message
          return `${PASTED_FIELD_NAMES[field] ?? field}: ${message}`
        }),
      })
  })
  return rows
}

/** What the buyer sees: a link past its expiry reads "expired" unless the vendor already submitted. */
export function effectiveStatus(
  row: { status: InvitationStatus; expires_at: string },
  now: Date = new Date(),
): InvitationStatus {
  if (row.status === 'submitted' || row.status === 'revoked') return row.status
  return Date.parse(row.expires_at) <= now.getTime() ? 'expired' : row.status
}
