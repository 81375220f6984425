import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from './audit.server.ts'
import { type ActionGroup, type AuditFilter, actionsOf, type ExportKind } from './audit-filter.ts'
import { actorName, namedInvitationId, readableEvent } from './audit-log.ts'
import { listEngagementAuditActors, listEngagementAuditEvents, listEngagementVendorNames } from './queries.server.ts'

type Scope = { organisationId: string; engagementId: string }

/** Vendors named one by one in the log's "Who" filter; beyond this, "Any vendor" alone. */
export const MAX_VENDORS_NAMED = 100

/** An engagement's audit log in words, filtered, newest first; and who acted, for the filter. */
export async function readEngagementAuditLog(
  db: Kysely<Database>,
  scope: Scope,
  { filter, limit }: { filter: AuditFilter; limit: number },
) {
  const [rows, actorRows] = await Promise.all([
    listEngagementAuditEvents(db, {
      ...scope,
      limit,
      filter: {
        actions: actionsOf(filter.type as ActionGroup | undefined),
        actor: filter.actor,
        from: filter.from,
        to: filter.to,
      },
    }),
    listEngagementAuditActors(db, scope, { maxVendors: MAX_VENDORS_NAMED }),
  ])
  // The vendor the filter names (from its page's link) is listed even when the vendors are too many to list.
  const chosenVendor = filter.actor?.startsWith('vendor:') ? filter.actor.slice('vendor:'.length) : undefined
  const vendorNames = await listEngagementVendorNames(db, scope, [
    ...new Set([...rows.map(namedInvitationId), chosenVendor].filter((id): id is string => id !== undefined)),
  ])
  const actors = new Map<string, string>()
  for (const row of actorRows.others) {
    const id =
      row.actorType === 'user' && row.userId ? `user:${row.userId}` : row.actorType === 'system' ? 'system' : undefined
    if (id) actors.set(id, actorName({ ...row, vendorCompany: null }))
  }
  const vendorActor = (invitationId: string, company: string) =>
    actors.set(`vendor:${invitationId}`, actorName({ actorType: 'vendor', userName: null, vendorCompany: company }))
  for (const vendor of actorRows.vendors) vendorActor(vendor.invitationId, vendor.vendorCompany)
  const chosenName = chosenVendor ? vendorNames.get(chosenVendor) : undefined
  if (chosenVendor && chosenName && !actors.has(`vendor:${chosenVendor}`)) vendorActor(chosenVendor, chosenName)
  return {
    events: rows.map((row) => readableEvent(row, vendorNames)),
    actors: [
      ...[...actors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      // Every vendor at once; one by one only while they are few enough to list.
      ...(actorRows.anyVendor ? [{ id: 'vendors', name: 'Any vendor' }] : []),
    ],
    /** More vendors acted than the filter lists: filter one vendor from its own page's log link. */
    vendorsOverflow: actorRows.vendorsOverflow,
  }
}

/**
 * A download (a PDF or a CSV) in the audit log: who took which file of which vendor, so a bank can
 * say where a report went. Recorded when the file is served.
 */
export async function recordExport(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    userId,
    kind,
    invitationIds = [],
    file,
  }: Scope & { userId: string; kind: ExportKind; invitationIds?: readonly string[]; file: string },
): Promise<void> {
  await recordAuditEvent(db, {
    organisationId,
    engagementId,
    actor: { type: 'user', userId },
    action: 'export.downloaded',
    subjectType: invitationIds.length === 1 ? 'invitation' : 'engagement',
    subjectId: invitationIds.length === 1 ? (invitationIds[0] as string) : engagementId,
    detail: { kind, file, ...(invitationIds.length > 1 ? { vendors: invitationIds.length } : {}) },
  })
}
