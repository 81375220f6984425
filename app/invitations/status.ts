/** Invitation statuses and their labels, and the reopen message's limit. Client-safe and dependency-free. */

export const INVITATION_STATUSES = [
  'invited',
  'opened',
  'in-progress',
  'submitted',
  'reopened',
  'revoked',
  'expired',
] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

export const STATUS_LABELS: Record<InvitationStatus, string> = {
  invited: 'Invited',
  opened: 'Opened',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  reopened: 'Reopened',
  revoked: 'Revoked',
  expired: 'Link expired',
}

/** The longest message a buyer may send when reopening a submitted questionnaire. */
export const MAX_REOPEN_MESSAGE = 2000
