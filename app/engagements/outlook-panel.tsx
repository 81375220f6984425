import { useMemo } from 'react'
import { type Outlook, profileOutlook } from './outlook.ts'
import { ProfileFormSchema } from './profile-form.ts'

const MODEL_TEXT: Record<Outlook['model'], { title: string; body: string }> = {
  offshore: {
    title: 'Offshore is possible',
    body: 'No regime restricts where the work is done; vendors are judged on their controls and contract terms.',
  },
  nearshore: {
    title: 'Nearshore at most',
    body: 'The data must stay within the home country or its territories unless a vendor qualifies for a carve-out.',
  },
  onshore: { title: 'Onshore only', body: 'Sending the data out of the home country needs a government approval.' },
}

/** The live outlook beside the profile form: recomputed in the browser from the same engine on every change. */
export function OutlookPanel({ profileValues, today }: { profileValues: unknown; today: string }) {
  // react-hook-form's watch() returns the same object, mutated: key the memo on its content.
  // A form posted without its profile fields has no values at all (`undefined` is not JSON).
  const key = JSON.stringify(profileValues) ?? 'null'
  const outlook = useMemo(() => {
    const parsed = ProfileFormSchema.safeParse(JSON.parse(key))
    return parsed.success ? profileOutlook(parsed.data, today) : null
  }, [key, today])
  if (!outlook) {
    return (
      <section className="panel outlook" aria-label="Outlook">
        <h2>Outlook</h2>
        <p className="muted">Choose a home country and the data in scope to see which laws apply.</p>
      </section>
    )
  }
  const model = MODEL_TEXT[outlook.model]
  return (
    <section className="panel outlook" aria-label="Outlook">
      <h2>Outlook</h2>
      {outlook.regimes.length === 0 ? (
        <p>No regulated data selected: no regime applies. Vendors are scored on their security posture only.</p>
      ) : (
        <>
          <p className="outlook-model">
            <span className={`badge model-${outlook.model}`}>{model.title}</span>
          </p>
          <p className="muted">{model.body}</p>
          {outlook.limits.map((limit) => (
            <p key={`${limit.regime}-${limit.reason}`} className="outlook-limit">
              <strong>{limit.regime.toUpperCase()}:</strong> {limit.reason}{' '}
              <span className="citation">{limit.citation}</span>
            </p>
          ))}
          <h3>Laws that apply</h3>
          <ul className="regime-list">
            {outlook.regimes.map((regime) => (
              <li key={regime.id}>
                <strong>{regime.name}</strong>
                <span className="muted">{regime.summary}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
