import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { createOrganisationWithAdmin } from '../app/auth/accounts.server.ts'
import { insertInvitation } from '../app/invitations/queries.server.ts'
import { newId, nowIso } from '../app/utils/ids.ts'
import { newSecretToken } from '../app/utils/tokens.server.ts'

/**
 * Data for load scripts (bench:autosave, drill:crash): an organisation, an engagement with a
 * regulatory profile, and `count` invitations whose secret links are known, written through the
 * app's own modules.
 */

const DEFAULT_PROFILE = {
  homeCountry: 'US',
  industry: 'healthcare',
  dataCategories: ['phi'],
  volumes: {},
  flags: {},
  purposes: [],
}

/** One organisation, one engagement and `count` invitations whose links are known. */
export async function createVendorLinks(
  db: Kysely<Database>,
  { count, name, profile = DEFAULT_PROFILE }: { count: number; name: string; profile?: Record<string, unknown> },
) {
  const { organisationId } = await db.transaction().execute((trx) =>
    createOrganisationWithAdmin(trx, {
      organisationName: `${name} ${newId()}`,
      name,
      email: `${newId()}@example.com`,
      passwordHash: 'x',
    }),
  )
  const engagementId = newId()
  const now = nowIso()
  await db
    .insertInto('engagement')
    .values({
      id: engagementId,
      organisation_id: organisationId,
      name,
      questionnaire_id: 'cross-border-core',
      questionnaire_version: 1,
      due_date: null,
      created_by_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('regulatory_profile')
    .values({
      id: newId(),
      engagement_id: engagementId,
      profile_json: JSON.stringify(profile),
      updated_by_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const links: Array<{ token: string; invitationId: string }> = []
  for (let i = 0; i < count; i++) {
    const { token, tokenHash } = newSecretToken()
    const invitationId = newId()
    await insertInvitation(db, {
      id: invitationId,
      organisation_id: organisationId,
      engagement_id: engagementId,
      vendor_company: `Vendor ${i}`,
      vendor_country: 'IN',
      contact_name: `V${i}`,
      contact_email: `v${i}-${invitationId}@vendors.example`,
      token_hash: tokenHash,
      expires_at: '2099-01-01T00:00:00.000Z',
      created_at: now,
    })
    links.push({ token, invitationId })
  }
  return links
}
