import { Form, useNavigation } from '@remix-run/react'
import { useValidatedForm } from '../components/validated-form.tsx'
import type { AppetiteReply } from './appetite-form.ts'
import { RISK_APPETITE_LABELS, RISK_APPETITES, type RiskPolicy } from './policy.ts'
import type { RaisableRule } from './raisable-rules.ts'

// The schema is loaded when the form is first focused, not with the profile page (README decision 87).
const loadSchema = () => import('./appetite-form.ts').then((module) => module.AppetiteFormSchema)

/**
 * The engagement's risk appetite on its profile page, in a form of its own (intent `appetite`):
 * the highest residual risk it accepts, and the findings it treats as blockers. A plain POST
 * without JavaScript; with it, the same schema checks the fields first.
 */
export function AppetiteSection({
  policy,
  rules,
  reply,
}: {
  policy: RiskPolicy
  /** The rules of the regimes that apply, and any already raised. */
  rules: readonly RaisableRule[]
  reply: AppetiteReply | undefined
}) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'appetite'
  const { form, onSubmit, onFocus, errorFor } = useValidatedForm(loadSchema, reply?.errors)
  const appetiteError = errorFor('appetite')
  const rulesError = errorFor('blockingRules')
  const regimes = [...new Set(rules.map((rule) => rule.regimeName))]
  return (
    <section className="panel appetite-settings" aria-labelledby="appetite-heading">
      <h2 id="appetite-heading">Risk appetite</h2>
      <p className="muted">
        The law decides what is allowed: that is each vendor's verdict. Your appetite decides what you accept of what is
        left, the residual risk (low to critical). Every vendor then reads “within appetite”, “remediate first” or “not
        allowed” on the dashboard, its report, the comparison and the PDFs.
      </p>
      {reply ? (
        <div className={reply.ok ? 'notice' : 'form-error'} role="status">
          {reply.message}
        </div>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit} onFocus={onFocus}>
        <input type="hidden" name="intent" value="appetite" />
        <fieldset
          className="plain"
          aria-describedby={appetiteError ? 'appetite-error' : undefined}
          aria-invalid={appetiteError ? true : undefined}
        >
          <legend>The highest residual risk you accept</legend>
          <div className="choices">
            {RISK_APPETITES.map((appetite) => (
              <label key={appetite}>
                <input
                  type="radio"
                  value={appetite}
                  defaultChecked={appetite === policy.appetite}
                  {...form.register('appetite')}
                />{' '}
                {RISK_APPETITE_LABELS[appetite]}
              </label>
            ))}
          </div>
          {appetiteError ? (
            <p className="field-error" id="appetite-error" role="alert">
              {appetiteError}
            </p>
          ) : null}
        </fieldset>
        <details open={policy.blockingRules.length > 0 || Boolean(rulesError)}>
          <summary>{`Findings you treat as blockers (${policy.blockingRules.length} chosen)`}</summary>
          <p className="field-hint">
            A vendor with one of these findings must remediate it first, whatever its residual risk. Blockers of the law
            are blockers already.
          </p>
          {regimes.length === 0 ? <p className="muted">No regime applies to this profile yet.</p> : null}
          {regimes.map((regime) => (
            <fieldset key={regime} className="plain raisable-rules">
              <legend>{regime}</legend>
              {rules
                .filter((rule) => rule.regimeName === regime)
                .map((rule) => (
                  <label key={rule.id} className="check">
                    <input
                      type="checkbox"
                      value={rule.id}
                      defaultChecked={policy.blockingRules.includes(rule.id)}
                      {...form.register('blockingRules')}
                    />{' '}
                    <span>
                      <strong>{`${rule.severity.charAt(0).toUpperCase()}${rule.severity.slice(1)}:`}</strong>{' '}
                      {rule.text} <span className="muted">({rule.id})</span>
                    </span>
                  </label>
                ))}
            </fieldset>
          ))}
          {rulesError ? (
            <p className="field-error" role="alert">
              {rulesError}
            </p>
          ) : null}
        </details>
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save risk appetite'}
        </button>
      </Form>
    </section>
  )
}
