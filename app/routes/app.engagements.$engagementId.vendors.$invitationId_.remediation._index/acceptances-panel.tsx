import { Form } from '@remix-run/react'
import { Field, FormError } from '#app/components/field.tsx'
import { acceptanceText, MAX_JUSTIFICATION } from '#app/remediation/acceptance.ts'

type Reply = { ok: boolean; message: string; errors?: Record<string, string>; ruleId: string } | undefined

/**
 * Accepted risks: each finding of the current assessment with its acceptance (if one holds) and,
 * for managers, a form to accept it with a justification until a date; past acceptances below.
 */
export function AcceptancesPanel({
  findings,
  acceptances,
  canManage,
  today,
  reply,
}: {
  findings: { ruleId: string; severity: string; message: string; citation: string }[]
  acceptances: {
    id: string
    ruleId: string
    justification: string
    endsOn: string
    acceptedBy: string | null
    withdrawnAt: string | null
    active: boolean
  }[]
  canManage: boolean
  today: string
  reply: Reply
}) {
  const holding = new Map(acceptances.filter((a) => a.active).map((a) => [a.ruleId, a]))
  const past = acceptances.filter((a) => !a.active)
  return (
    <section aria-labelledby="acceptances-heading">
      <h3 id="acceptances-heading">Accepted risks</h3>
      {reply ? (
        reply.ok ? (
          <div className="notice" role="status">
            {reply.message}
          </div>
        ) : (
          <FormError>{reply.message}</FormError>
        )
      ) : null}
      {findings.length === 0 ? <p className="muted">The current assessment has no findings.</p> : null}
      <ol className="item-states">
        {findings.map((f) => {
          const held = holding.get(f.ruleId)
          const errors = reply && !reply.ok && reply.ruleId === f.ruleId ? reply.errors : undefined
          return (
            <li key={f.ruleId} className="item-card">
              <p>
                <span className={`badge severity-${f.severity}`}>{f.severity}</span> {f.message}
              </p>
              <p className="muted small">{`${f.citation} · rule ${f.ruleId}`}</p>
              {held ? (
                <div className="acceptance-note">
                  <p>
                    <span className="badge accepted">Risk accepted</span> {acceptanceText(held)}
                  </p>
                  {canManage ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="acceptanceId" value={held.id} />
                      <button type="submit" className="secondary">
                        Withdraw the acceptance
                      </button>
                    </Form>
                  ) : null}
                </div>
              ) : canManage ? (
                <details open={errors !== undefined}>
                  <summary>Accept this risk</summary>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="accept" />
                    <input type="hidden" name="ruleId" value={f.ruleId} />
                    <div className="field">
                      <label htmlFor={`justification-${f.ruleId}`}>Justification</label>
                      <textarea
                        id={`justification-${f.ruleId}`}
                        name="justification"
                        rows={2}
                        maxLength={MAX_JUSTIFICATION}
                        required
                        aria-invalid={errors?.justification ? true : undefined}
                        aria-describedby={errors?.justification ? `justification-${f.ruleId}-error` : undefined}
                      />
                      {errors?.justification ? (
                        <p className="field-error" id={`justification-${f.ruleId}-error`} role="alert">
                          {errors.justification}
                        </p>
                      ) : null}
                    </div>
                    <Field
                      label="Accepted until (the last day it holds)"
                      name="endsOn"
                      type="date"
                      min={today}
                      required
                      error={errors?.endsOn}
                      id={`ends-${f.ruleId}`}
                    />
                    <button type="submit">Accept the risk</button>
                  </Form>
                </details>
              ) : null}
            </li>
          )
        })}
      </ol>
      {past.length > 0 ? (
        <>
          <h4>Ended or withdrawn</h4>
          <ul>
            {past.map((a) => (
              <li key={a.id}>
                {`${acceptanceText(a)} — ${a.withdrawnAt ? `withdrawn ${a.withdrawnAt.slice(0, 10)}` : 'lapsed'} (rule ${a.ruleId})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
