import type { Params } from '@remix-run/react'
import type { Member } from '../auth/require.server.ts'

/** The buyer scope of a vendor page: the member's organisation and the URL's engagement and vendor. */
export function vendorScope(member: Pick<Member, 'organisationId'>, params: Params) {
  return {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationId: params.invitationId ?? '',
  }
}
