import type { Recommendation } from './recommendation.ts'

/**
 * The engagement's recommendation as a page panel (dashboard, comparison). Vendor names link to
 * their reports when `reportHref` is given.
 */
export function RecommendationPanel({
  recommendation: r,
  reportHref,
}: {
  recommendation: Recommendation
  reportHref?: (invitationId: string) => string
}) {
  const name = (entry: { invitationId: string; text: string }) =>
    reportHref ? <a href={reportHref(entry.invitationId)}>{entry.text}</a> : entry.text
  return (
    <section className="panel recommendation" aria-labelledby="recommendation-heading">
      <h3 id="recommendation-heading">Recommendation: which model to pursue, and with whom</h3>
      <p className="recommendation-headline">
        <strong>{r.headline}</strong>
      </p>
      {r.why.length ? (
        <ul className="plain-list muted">
          {r.why.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {r.pursue ? <p className="recommendation-pursue">{r.pursue}</p> : null}
      {r.noneFits ? <p className="recommendation-none">{r.noneFits}</p> : null}
      <dl className="recommendation-classes">
        {r.classes.map((c) => (
          <div key={c.locationClass}>
            <dt>{c.label}</dt>
            <dd>
              {c.vendors.length ? (
                <ol>
                  {c.vendors.map((v) => (
                    <li key={v.invitationId}>{name(v)}</li>
                  ))}
                </ol>
              ) : null}
              <span className="muted small">{c.note}</span>
            </dd>
          </div>
        ))}
      </dl>
      {r.further.length ? (
        <>
          <h4>What going further would take</h4>
          <ul>
            {r.further.map((f) => (
              <li key={f.invitationId}>{name(f)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r.buyerChoices.length ? (
        <>
          <h4>Your own choices</h4>
          <ul>
            {r.buyerChoices.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted small">{r.orderNote}</p>
    </section>
  )
}
