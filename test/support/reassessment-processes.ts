import { type ChildProcess, spawn } from 'node:child_process'
import { expect } from 'vitest'
import { RULES_VERSION } from '#app/assessment/version.ts'
import { createEngagement, createOrganisation } from './accounts.ts'
import { assessmentsOf, OLD_STAMP, staleVendor, verdictChangeEvents } from './stale-assessments.ts'

/** The background re-assessment in other processes (test/support/reassessment-child.ts). */

type Vendor = Awaited<ReturnType<typeof staleVendor>>

/** Five submitted vendors assessed by rules 2026.11; the three in sanctioned countries change verdict. */
export async function fiveStaleVendors(): Promise<{ vendors: Vendor[]; changing: Vendor[] }> {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const vendors: Vendor[] = []
  for (const [company, hqCountry] of [
    ['Tehran Health Data', 'IR'],
    ['Pune Records', 'IN'],
    ['Havana Coding', 'CU'],
    ['Manila Coding', 'PH'],
    ['Pyongyang Data', 'KP'],
  ] as const) {
    vendors.push(await staleVendor(org.organisationId, engagementId, { company, hqCountry }))
  }
  return { vendors, changing: [vendors[0]!, vendors[2]!, vendors[4]!] }
}

export type Child = { process: ChildProcess; printed: (line: RegExp) => Promise<string> }

/** A child process and a way to wait until its stdout (all of it so far) shows a line. */
export function reassessmentChild(mode: 'job' | 'direct' | 'hang'): Child {
  const process = spawn(globalThis.process.execPath, ['--import', 'tsx', 'test/support/reassessment-child.ts', mode], {
    stdio: [mode === 'direct' ? 'pipe' : 'ignore', 'pipe', 'inherit'],
  })
  let out = ''
  let closed = false
  const waiting = new Set<() => void>()
  process.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    for (const check of waiting) check()
  })
  // 'close' comes after the last stdout data ('exit' may come before it).
  process.once('close', () => {
    closed = true
    for (const check of waiting) check()
  })
  const printed = (line: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = line.exec(out)
        if (match) {
          waiting.delete(check)
          resolve(match[0])
        } else if (closed) {
          waiting.delete(check)
          reject(new Error(`closed without ${line}: ${out}`))
        }
      }
      waiting.add(check)
      check()
    })
  return { process, printed }
}

/** Every vendor re-assessed exactly once, the old assessment kept; one audit event per changed verdict. */
export async function expectEachReassessedOnce({ vendors, changing }: { vendors: Vendor[]; changing: Vendor[] }) {
  for (const vendor of vendors) {
    const rows = await assessmentsOf(vendor.responseId)
    expect(rows.map((r) => [r.id === vendor.oldAssessmentId, r.is_current, r.rules_version])).toEqual([
      [true, 0, OLD_STAMP.rules],
      [false, 1, RULES_VERSION],
    ])
  }
  const ids = new Set(vendors.map((v) => v.invitationId))
  const events = (await verdictChangeEvents()).filter((e) => ids.has(e.detail.invitationId as string))
  expect(events.map((e) => e.detail.invitationId).sort()).toEqual(changing.map((v) => v.invitationId).sort())
}
