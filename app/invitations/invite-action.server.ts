import { getDb } from '../db.server.ts'
import { parseFormData } from '../utils/forms.ts'
import { newId } from '../utils/ids.ts'
import { InviteVendorSchema, PasteInvitationsSchema } from './invitation.ts'
import { requireInvitationContext } from './invitation-context.server.ts'
import { DuplicateInvitationError, invitePastedVendors, inviteVendor } from './invitations.server.ts'
import { type InviteReply, pastedMessage, sentMessage } from './invite-messages.ts'

/**
 * The engagement dashboard's action: inviting vendors, one from the form (`intent=invite`) or a
 * pasted list (`intent=paste`), each one service call. Answers the reply the page shows and its
 * HTTP status (a 4xx with a clear message for bad input, 409 on an archived engagement); the route
 * only sends it.
 */
export async function inviteFromDashboard(
  request: Request,
  engagementId: string | undefined,
): Promise<{ reply: InviteReply; status: number }> {
  const { engagement, buyer, origin } = await requireInvitationContext(request, engagementId)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const reply = (result: Omit<InviteReply, 'intent'>, status = 200) => ({ reply: { intent, ...result }, status })
  if (engagement.status === 'archived')
    return reply({ ok: false, message: 'This engagement is archived. Restore it to invite vendors.' }, 409)
  const db = getDb()

  if (intent === 'invite') {
    const parsed = parseFormData(InviteVendorSchema, formData)
    if (!parsed.ok) return reply({ ok: false, errors: parsed.errors, values: parsed.values }, 400)
    try {
      const { emailStatus } = await inviteVendor(db, { engagement, buyer, input: parsed.data, origin })
      // A new key each time: the form starts empty again for the next vendor.
      return reply({ ok: true, message: sentMessage(parsed.data.contactEmail, emailStatus), resetKey: newId() })
    } catch (error) {
      if (!(error instanceof DuplicateInvitationError)) throw error
      const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]))
      // Said twice: above the form, where the eye goes after "Send", and at the address itself.
      const message = `${parsed.data.contactEmail} is already invited to this engagement: find the vendor in the table above (you can send a new link from its page).`
      return reply({ ok: false, message, errors: { contactEmail: error.message }, values }, 400)
    }
  }
  if (intent === 'paste') {
    const rows = String(formData.get('rows') ?? '')
    const language = String(formData.get('language') ?? '')
    const parsed = PasteInvitationsSchema.safeParse({ rows, language })
    if (!parsed.success) {
      const lineErrors = parsed.error.issues.map((i) =>
        i.path[0] === 'language' ? `Language: ${i.message}` : i.message,
      )
      return reply({ ok: false, lineErrors, values: { rows, language } }, 400)
    }
    const vendors = parsed.data.rows.map((vendor) => ({ ...vendor, language: parsed.data.language }))
    const result = await invitePastedVendors(db, { engagement, buyer, vendors, origin })
    return reply({ ok: true, message: pastedMessage(result), resetKey: newId() })
  }
  return reply({ ok: false, message: 'Unknown action.' }, 400)
}
