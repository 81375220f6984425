import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from './audit.server.ts'
import { type ActionGroup, type AuditFilter, actionsOf, type ExportKind } from './audit-filter.ts'
import { actorName, readableEvent } from './audit-log.ts'
import { listEngagementAuditActors, listEngagementAuditEvents, listEngagementVendorNames } from './queries.server.ts'

type Scope = { organisationId: string; engagementId: string }

/** An engagement's audit log in words, filtered, newest first; and who acted, for the filter. */
export async function readEngagementAuditLog(
  db: Kysely<Database>,
  scope: Scope,
  { filter, limit }: { filter: AuditFilter; limit: number },
) {
  const [rows, vendorNames, actorRows] = await Promise.all([
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
    listEngagementVendorNames(db, scope),
    listEngagementAuditActors(db, scope),
  ])
  const actors = new Map<string, string>()
  for (const row of actorRows) {
    const id =
      row.actorType === 'user' && row.userId
        ? `user:${row.userId}`
        : row.actorType === 'vendor' && row.invitationId
          ? `vendor:${row.invitationId}`
          : row.actorType === 'system'
            ? 'system'
            : undefined
    if (id) actors.set(id, actorName(row))
  }
  return {
    events: rows.map((row) => readableEvent(row, vendorNames)),
    actors: [...actors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
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
