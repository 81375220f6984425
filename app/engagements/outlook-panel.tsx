import { useEffect, useRef, useState } from 'react'
import type { Outlook } from './outlook-types.ts'

/** How long the panel waits after the last change before asking the server (typing a volume). */
const SETTLE_MS = 250

/**
 * The outlook of the profile being edited, kept live: on each change the panel asks /app/outlook
 * (the engine runs on the server, so its packs are not shipped to the browser). The first outlook
 * comes with the page (its loader), so it shows without JavaScript too. A stale answer never
 * replaces a newer one: each change aborts the request before it.
 */
export function useLiveOutlook(profileValues: unknown, initial: Outlook | null) {
  const key = outlookKey(profileValues)
  const [outlook, setOutlook] = useState(initial)
  // The loader's outlook is the first values': no request until the profile changes.
  const shownFor = useRef(key)
  // What is sent is the values themselves; only the comparison leaves out what reads the same.
  const values = useRef(profileValues)
  values.current = profileValues
  useEffect(() => {
    if (key === shownFor.current) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/app/outlook?profile=${encodeURIComponent(JSON.stringify(values.current ?? null))}`, {
        signal: controller.signal,
      })
        .then((response) => (response.ok ? (response.json() as Promise<{ outlook: Outlook | null }>) : null))
        .then((body) => {
          if (!body) return
          shownFor.current = key
          setOutlook(body.outlook)
        })
        .catch(() => {
          // Aborted by a newer change, or offline: keep what is shown.
        })
    }, SETTLE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [key])
  return outlook
}

/**
 * The profile as far as its outlook goes. The form's values differ from the stored profile it
 * starts from in what reads the same: once react-hook-form has registered the inputs (just after
 * hydration) an untouched box is `false` and an empty count `""` where the stored profile had no
 * key, and a count is its digits where the stored profile had a number. The server's parse
 * (profile-form.ts) reads all of these alike, so they are left out of the comparison: without
 * this, every page load asked the server again for the outlook it had just sent (a request and
 * a re-render while the page hydrates). Radios (`bankRegulated`) hold "true"/"false" strings.
 */
export function outlookKey(values: unknown): string {
  return JSON.stringify(significant(values) ?? null)
}

function significant(value: unknown): unknown {
  if (value === '' || value === false || value === null || value === undefined) return undefined
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map((item) => significant(item) ?? null)
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([name, item]) => [name, significant(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return entries.length > 0 ? Object.fromEntries(entries) : undefined
  }
  return value
}

// `toLocaleString('en-US')` sets up ICU's number formatting on its first call, 40-50 ms of the
// profile page's hydration at Lighthouse's 4× CPU slowdown; the counts are whole numbers, grouped
// by commas as en-US would.
function grouped(count: number): string {
  return Number.isInteger(count) ? String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(count)
}

/** The live outlook beside the profile form, computed by the engine on the server. */
export function OutlookPanel({
  profileValues,
  initial,
  onAddCategory,
}: {
  profileValues: unknown
  initial: Outlook | null
  onAddCategory?: (category: string) => void
}) {
  const outlook = useLiveOutlook(profileValues, initial)
  if (!outlook) {
    return (
      <section className="panel outlook" aria-label="Outlook">
        <h2>Outlook</h2>
        <p className="muted">Choose a home country and the data in scope to see which laws apply.</p>
      </section>
    )
  }
  const { headline } = outlook
  return (
    <section className="panel outlook" aria-label="Outlook">
      <h2>Outlook</h2>
      {outlook.bulkProposal ? (
        <div className="notice outlook-proposal" role="status">
          <p>
            <strong>These volumes are “bulk” under the DOJ Data Security Program.</strong>{' '}
            {outlook.bulkProposal.crossed
              .map((c) => `${c.label}: ${grouped(c.count)} (more than ${grouped(c.threshold)})`)
              .join('; ')}
            . <span className="citation">{outlook.bulkProposal.citation}</span>
          </p>
          {onAddCategory ? (
            <button
              type="button"
              className="secondary"
              onClick={() => onAddCategory(outlook.bulkProposal?.category ?? 'us-sensitive-personal-data')}
            >
              Add “US sensitive personal data in bulk”
            </button>
          ) : null}
        </div>
      ) : null}
      {outlook.regimes.length === 0 ? (
        <p>{headline.body}</p>
      ) : (
        <>
          <p className="outlook-model">
            <span className={`badge model-${outlook.model}`}>{headline.title}</span>
          </p>
          <p className="muted outlook-headline">{headline.body}</p>
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
          {outlook.carveOuts.length > 0 ? (
            <>
              <h3>Where one law steps back for another</h3>
              <ul className="regime-list">
                {outlook.carveOuts.map((carveOut) => (
                  <li key={`${carveOut.law}-${carveOut.yieldsTo}`}>
                    <span>
                      {carveOut.text} <span className="citation">{carveOut.citation}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  )
}
