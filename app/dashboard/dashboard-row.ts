import type { BuyerAction } from '../appetite/policy.ts'
import type { ResidualRisk, Verdict } from '../assessment/engine.ts'
import type { InvitationStatus } from '../invitations/invitation.ts'
import { certificateNote, type ExpiringCertificate } from './dashboard.ts'
import type { DecisionFilter } from './dashboard-params.ts'

/**
 * A dashboard row as the page shows it, and as it travels to the browser. The loader's data is
 * written into the page for hydration beside the table it renders, 50 rows of it, so a row carries
 * only what its cells show (display text composed on the server), and the page's rows travel as one
 * line of text (`packRows`): fields split by `|`, rows by `~`, each enumeration as its index in a
 * fixed list, empty fields empty. As objects, turbo-stream wrote `"_n":m` per field; as tuples, a
 * reference per field and quotes around every new string (escaped again inside the page's script);
 * as one line, 8.6 KiB of the 50-row page became about 6 (docs/PERFORMANCE.md). `packRows` and
 * `unpackRows` are the only two places that know the format.
 */
export type DashboardRow = {
  id: string
  vendorCompany: string
  vendorCountry: string
  status: InvitationStatus
  /** The date beside the status, and how much is answered while the vendor is still answering. */
  statusNote: string
  score: number | null
  verdict: Verdict | null
  locationClass: string | null
  model: string | null
  blockerCount: number | null
  conditionCount: number | null
  decision: Exclude<DecisionFilter, 'none'> | null
  /** "ISO 27001, ends 2027-01-09", soonest first. */
  expiring: string[]
  emailFailed: boolean
  /** The stored residual risk and what the engagement's appetite makes of it (app/appetite). */
  residualRisk: ResidualRisk | null
  action: BuyerAction | null
}

/** The row of the page from a vendor of `loadDashboardPage`, and its stored risk and action. */
export function toDashboardRow(
  v: {
    id: string
    vendorCompany: string
    vendorCountry: string
    status: InvitationStatus
    statusNote: string
    lastEmailStatus: string | null
    percent: number
    score: number | null
    verdict: string | null
    locationClass: string | null
    model: string | null
    blockerCount: number | null
    conditionCount: number | null
    decision: string | null
    expiring: readonly ExpiringCertificate[]
  },
  appetite?: { residualRisk: string | null; action: string | null },
): DashboardRow {
  return {
    id: v.id,
    vendorCompany: v.vendorCompany,
    vendorCountry: v.vendorCountry,
    status: v.status,
    statusNote: v.status !== 'submitted' && v.percent > 0 ? `${v.statusNote} · ${v.percent}% answered` : v.statusNote,
    score: v.score,
    verdict: v.verdict as Verdict | null,
    locationClass: v.locationClass,
    model: v.model,
    blockerCount: v.blockerCount,
    conditionCount: v.conditionCount,
    decision: v.decision as DashboardRow['decision'],
    expiring: v.expiring.map(certificateNote),
    emailFailed: v.lastEmailStatus === 'failed',
    residualRisk: (appetite?.residualRisk as ResidualRisk | null | undefined) ?? null,
    action: (appetite?.action as BuyerAction | null | undefined) ?? null,
  }
}

// The enumerations by index: a row's status, verdict or action is one character on the page.
const STATUSES: readonly InvitationStatus[] = [
  'submitted',
  'invited',
  'opened',
  'in-progress',
  'reopened',
  'expired',
  'revoked',
]
const VERDICT_CODES: readonly Verdict[] = ['approve', 'approve-with-conditions', 'reject']
const DECISION_CODES: ReadonlyArray<NonNullable<DashboardRow['decision']>> = ['shortlisted', 'approved', 'rejected']
const RISK_CODES: readonly ResidualRisk[] = ['low', 'medium', 'high', 'critical']
const ACTION_CODES: readonly BuyerAction[] = ['within-appetite', 'remediate-first', 'not-allowed']
const LOCATION_CODES: readonly string[] = ['onshore', 'nearshore', 'offshore']
const FIELD = '|'
const ROW = '~'
const ITEM = '^'

/** Free text with the separators (and the escape) taken literally. */
const escapeText = (text: string) => text.replace(/[\\|~^!@]/g, (c) => `\\${c}`)
const code = <T>(list: readonly T[], value: T | null) => (value === null ? '' : String(list.indexOf(value)))
const number = (value: number | null) => (value === null ? '' : String(value))

/** The page's rows as one line of text, empty fields at the end of a row left out. */
export function packRows(rows: readonly DashboardRow[]): string {
  return rows
    .map((row) => {
      const fields = [
        escapeText(row.id),
        escapeText(row.vendorCompany),
        escapeText(row.vendorCountry),
        code(STATUSES, row.status),
        escapeText(row.statusNote),
        number(row.score),
        code(VERDICT_CODES, row.verdict),
        code(LOCATION_CODES, row.locationClass),
        code(LOCATION_CODES, row.model),
        number(row.blockerCount),
        number(row.conditionCount),
        code(DECISION_CODES, row.decision),
        row.expiring.map(packCertificate).join(ITEM),
        row.emailFailed ? '1' : '',
        code(RISK_CODES, row.residualRisk),
        code(ACTION_CODES, row.action),
      ]
      while (fields.length > 5 && fields.at(-1) === '') fields.pop()
      return fields.join(FIELD)
    })
    .join(ROW)
}

// "ISO 27001, expired 2026-01-02" travels as "ISO 27001!2026-01-02", ", ends " as "@" (certificateNote).
const EXPIRED = '!'
const ENDS = '@'
function packCertificate(text: string): string {
  const note = /^(.*), (expired|ends) (\d{4}-\d{2}-\d{2})$/.exec(text)
  if (!note) return escapeText(text)
  return `${escapeText(note[1] ?? '')}${note[2] === 'expired' ? EXPIRED : ENDS}${note[3]}`
}
function unpackCertificate(text: string): string {
  for (const [mark, word] of [
    [EXPIRED, 'expired'],
    [ENDS, 'ends'],
  ] as const) {
    const parts = split(text, mark)
    if (parts.length === 2) return `${unescapeText(parts[0] ?? '')}, ${word} ${parts[1]}`
  }
  return unescapeText(text)
}

/** Splits on a separator that is not escaped; the parts keep their escapes. */
function split(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === '\\') {
      current += c + (text[i + 1] ?? '')
      i++
    } else if (c === separator) {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts
}

const unescapeText = (text: string) => text.replace(/\\(.)/g, '$1')
const fromCode = <T>(list: readonly T[], text: string | undefined) => (text ? (list[Number(text)] ?? null) : null)
const fromNumber = (text: string | undefined) => (text ? Number(text) : null)

/** The rows of `packRows`, as they were. */
export function unpackRows(text: string): DashboardRow[] {
  if (text === '') return []
  return split(text, ROW).map((line) => {
    const f = split(line, FIELD)
    const at = (i: number) => f[i] ?? ''
    return {
      id: unescapeText(at(0)),
      vendorCompany: unescapeText(at(1)),
      vendorCountry: unescapeText(at(2)),
      status: fromCode(STATUSES, at(3)) ?? 'invited',
      statusNote: unescapeText(at(4)),
      score: fromNumber(f[5]),
      verdict: fromCode(VERDICT_CODES, f[6]),
      locationClass: fromCode(LOCATION_CODES, f[7]),
      model: fromCode(LOCATION_CODES, f[8]),
      blockerCount: fromNumber(f[9]),
      conditionCount: fromNumber(f[10]),
      decision: fromCode(DECISION_CODES, f[11]),
      expiring: f[12] ? split(at(12), ITEM).map(unpackCertificate) : [],
      emailFailed: f[13] === '1',
      residualRisk: fromCode(RISK_CODES, f[14]),
      action: fromCode(ACTION_CODES, f[15]),
    }
  })
}
