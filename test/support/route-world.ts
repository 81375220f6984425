import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { getDb } from '#app/db.server.ts'
import { hashToken, newSecretToken } from '#app/utils/tokens.server.ts'
import { addMember, createEngagement, createOrganisation, logIn } from './accounts.ts'
import { BrowserClient } from './browser-client.ts'
import { pdfBytes } from './evidence-files.ts'
import { createVendor } from './vendors.ts'

/**
 * Every kind of visitor the security tables ask about, signed in against a real server, and the
 * ids that fill every route's URL. Organisation A owns the engagement, its vendors and their
 * evidence; organisation B is "another organisation" with a vendor of its own.
 */
export type Visitor =
  | 'anonymous'
  | 'otherAdmin'
  | 'member'
  | 'manager'
  | 'admin'
  | 'auditor'
  | 'otherVendor'
  | 'submittedVendor'
export const VISITORS: Visitor[] = [
  'anonymous',
  'otherAdmin',
  'member',
  'manager',
  'admin',
  'auditor',
  'otherVendor',
  'submittedVendor',
]

export type RouteWorld = Awaited<ReturnType<typeof buildRouteWorld>>

/** Opens a vendor session for an invitation the way a vendor does: through a fresh secret link. */
export async function openVendorSession(baseUrl: string, invitationId: string) {
  const { token } = newSecretToken()
  await getDb()
    .updateTable('invitation')
    .set({ token_hash: hashToken(token) })
    .where('id', '=', invitationId)
    .execute()
  const client = new BrowserClient(baseUrl)
  const response = await client.get(`/v/${token}`)
  if (response.status !== 302) throw new Error(`vendor link answered ${response.status}`)
  return client
}

export async function buildRouteWorld(baseUrl: string) {
  const a = await createOrganisation('Alpha Hospital')
  const engagementId = await createEngagement(a.organisationId, 'Claims 2027')
  const evidence = [{ questionId: 'certifications.evidence', fileName: 'iso.pdf', bytes: pdfBytes() }]
  const submitted = await createVendor(a.organisationId, engagementId, { company: 'Submitted Co', evidence })
  const second = await createVendor(a.organisationId, engagementId, { company: 'Second Co' })
  // Answering, not submitted, with the destruction section's file question shown.
  const answering = await createVendor(a.organisationId, engagementId, {
    company: 'Answering Co',
    answers: { 'destruction.certificateProvided': true },
    submit: false,
  })
  const b = await createOrganisation('Beta Bank')
  const otherEngagement = await createEngagement(b.organisationId, 'Other 2027')
  const otherVendor = await createVendor(b.organisationId, otherEngagement, { company: 'Other Co', submit: false })

  const signedIn = async (login: { email: string; password: string }) => {
    const client = new BrowserClient(baseUrl)
    await logIn(client, login)
    return client
  }
  const clients: Record<Visitor, BrowserClient> = {
    anonymous: new BrowserClient(baseUrl),
    otherAdmin: await signedIn(b),
    member: await signedIn(await addMember(a.organisationId, 'member')),
    manager: await signedIn(await addMember(a.organisationId, 'manager')),
    admin: await signedIn(a),
    auditor: await signedIn(await addMember(a.organisationId, 'auditor')),
    otherVendor: await openVendorSession(baseUrl, otherVendor.invitationId),
    submittedVendor: await openVendorSession(baseUrl, submitted.invitationId),
  }
  return {
    clients,
    ids: {
      engagementId,
      invitationId: submitted.invitationId,
      secondInvitationId: second.invitationId,
      answeringInvitationId: answering.invitationId,
      otherOrganisationInvitationId: otherVendor.invitationId,
      evidenceId: submitted.evidenceIds[0] as string,
      sectionId: 'destruction',
    },
  }
}

/** The route manifest of the production build the server runs (`npm test` builds it first). */
export async function buildRoutes() {
  const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
  return Object.entries(build.routes).map(([id, route]) => ({
    id,
    hasAction: typeof route.module.action === 'function',
    hasLoader: typeof route.module.loader === 'function',
    isResource: typeof route.module.default !== 'function',
  }))
}
