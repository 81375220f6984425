import { Link } from '@remix-run/react'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import { dayInWords, type VerdictChange } from './reassessment.ts'

/** How long the dashboard shows a release's verdict changes (the audit log keeps them). */
export const VERDICT_CHANGES_SHOWN_DAYS = 30

type Change = VerdictChange & { at: string; invitationId: string; vendorCompany: string }

/**
 * The dashboard's dated notice: which verdicts a rules release changed and the rules that changed
 * them, one line per vendor with a link to its report. Shown for 30 days after the re-assessment,
 * and only while those assessments are current (a resubmission or a profile change supersedes it).
 */
export function VerdictChangesNotice({ changes, base }: { changes: readonly Change[]; base: string }) {
  if (changes.length === 0) return null
  const releases = [...new Set(changes.map((c) => c.to.rules))].join(', ')
  const days = [...new Set(changes.map((c) => dayInWords(c.at)))]
  return (
    <section className="notice" aria-labelledby="verdict-changes-heading">
      <h3 id="verdict-changes-heading" style={{ marginTop: 0 }}>
        {`${changes.length === 1 ? 'A verdict' : `${changes.length} verdicts`} changed with rules release ${releases}`}
      </h3>
      <p>
        {`On ${days.join(' and ')} Shoreline re-assessed this engagement’s submitted vendors under the new rules. The answers did not change; the law the rules apply did:`}
      </p>
      <ul>
        {changes.map((change) => (
          <li key={change.invitationId}>
            <Link to={`${base}/vendors/${change.invitationId}`}>{change.vendorCompany}</Link>
            {lineOf(change)}
          </li>
        ))}
      </ul>
      <p className="muted small">{`Shown for ${VERDICT_CHANGES_SHOWN_DAYS} days after the re-assessment; the audit log keeps every change.`}</p>
    </section>
  )
}

/** One text node (React would put a comment between two), so the line reads as one sentence. */
function lineOf(change: Change): string {
  const move = `: ${VERDICT_LABELS[change.from.verdict]} → ${VERDICT_LABELS[change.to.verdict]}.`
  if (change.because.length === 0) return move
  const rules = change.because.map((rule) => `${rule.id} (${rule.citation})`).join('; ')
  return `${move} ${change.because[0]?.fires ? 'Now' : 'No longer'}: ${rules}.`
}
