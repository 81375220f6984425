/** What the buyer reads after inviting one vendor, by what became of its email. */
export function sentMessage(email: string, status: string): string {
  if (status === 'failed')
    return `The invitation for ${email} is saved, but the email could not be sent. Use "Retry email" to try again.`
  if (status === 'outbox') return `Invitation for ${email} placed in the outbox (no mail server configured).`
  return `Invitation sent to ${email}.`
}

/** What the buyer reads after inviting a pasted list: who was invited, skipped, or not emailed. */
export function pastedMessage({
  invited,
  skipped,
  emailFailed,
}: {
  invited: readonly string[]
  skipped: readonly string[]
  emailFailed: readonly string[]
}): string {
  const parts = [`Invited ${invited.length} vendor${invited.length === 1 ? '' : 's'}.`]
  if (skipped.length) parts.push(`Already invited, skipped: ${skipped.join(', ')}.`)
  if (emailFailed.length) parts.push(`The email could not be sent to: ${emailFailed.join(', ')} (see the Outbox).`)
  return parts.join(' ')
}

/** What the dashboard's action answers: which form was sent, how it went, and what to show again. */
export type InviteReply = {
  intent: string
  ok: boolean
  message?: string
  errors?: Record<string, string>
  values?: Record<string, string>
  lineErrors?: string[]
  /** Set after a successful invite: the form is drawn afresh under this key, empty for the next vendor. */
  resetKey?: string
}
