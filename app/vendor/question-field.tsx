import type { Question } from '../questionnaire/definition.ts'
import { NONE } from './section-values.ts'

type Country = { code: string; name: string }

/**
 * One question as a plain form control (works without JavaScript), labelled, with its help text and
 * error tied to it by aria-describedby. `value` is the stored or just-submitted answer.
 */
export function QuestionField({
  question,
  value,
  error,
  countries,
}: {
  question: Question
  value: unknown
  error?: string
  countries: Country[]
}) {
  const id = question.id
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const describedBy = error ? `${helpId} ${errorId}` : helpId
  const label = (
    <>
      {question.prompt.en}
      {question.required ? (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </>
  )
  const help = (
    <p className="field-hint" id={helpId}>
      {question.help.en}
    </p>
  )
  const errorText = error ? (
    <p className="field-error" id={errorId} role="alert">
      {error}
    </p>
  ) : null

  const group = (children: React.ReactNode) => (
    <fieldset
      className="question"
      id={`q-${id}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend>{label}</legend>
      {help}
      {children}
      {errorText}
    </fieldset>
  )

  switch (question.type) {
    case 'single-choice':
      return group(
        <div className="choices">
          {question.choices.map((choice) => (
            <label key={choice.value} className="check">
              <input type="radio" name={id} value={choice.value} defaultChecked={value === choice.value} />{' '}
              {choice.label.en}
            </label>
          ))}
        </div>,
      )
    case 'yes-no':
      return group(
        <div className="choices inline">
          <label className="check">
            <input type="radio" name={id} value="true" defaultChecked={value === true} /> Yes
          </label>
          <label className="check">
            <input type="radio" name={id} value="false" defaultChecked={value === false} /> No
          </label>
        </div>,
      )
    case 'multiple-choice':
      return group(
        <div className="choices">
          <input type="hidden" name={`${id}.__present`} value="1" />
          {question.choices.map((choice) => (
            <label key={choice.value} className="check">
              <input
                type="checkbox"
                name={id}
                value={choice.value}
                defaultChecked={Array.isArray(value) && value.includes(choice.value)}
              />{' '}
              {choice.label.en}
            </label>
          ))}
        </div>,
      )
    case 'certification-list': {
      const rows = Array.isArray(value) ? (value as Array<Record<string, string>>) : []
      const slots = [...rows, {}, {}]
      return group(
        <div className="cert-rows">
          <input type="hidden" name={`${id}.__present`} value="1" />
          {slots.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional: their field names carry the index
            <div className="cert-row" key={`${id}-${i}`}>
              <label>
                Certificate or report
                <select name={`${id}[${i}].type`} defaultValue={row.type ?? ''}>
                  <option value="">—</option>
                  {question.certificationTypes.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label.en}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Edition
                <select name={`${id}[${i}].edition`} defaultValue={row.edition ?? ''}>
                  <option value="">n/a</option>
                  <option value="2022">2022</option>
                  <option value="2013">2013</option>
                </select>
              </label>
              <label>
                Issued (SOC 2: period end)
                <input type="date" name={`${id}[${i}].issued`} defaultValue={row.issued ?? ''} />
              </label>
              <label>
                Expires
                <input type="date" name={`${id}[${i}].expires`} defaultValue={row.expires ?? ''} />
              </label>
            </div>
          ))}
        </div>,
      )
    }
    case 'file':
      return group(
        <p className="muted">
          File uploads for this question open in the next release; you can answer everything else now.
        </p>,
      )
    default:
      break
  }

  // Single controls: a label element pointing at the control.
  let control: React.ReactNode
  switch (question.type) {
    case 'country':
      control = (
        <select
          id={id}
          name={id}
          defaultValue={value === null ? NONE : String(value ?? '')}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        >
          <option value="">Choose a country…</option>
          {question.nullable ? <option value={NONE}>{question.nullLabel?.en ?? 'None'}</option> : null}
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )
      break
    case 'country-list':
      control = (
        <>
          <input type="hidden" name={`${id}.__present`} value="1" />
          <select
            id={id}
            name={id}
            multiple
            size={8}
            defaultValue={Array.isArray(value) ? (value as string[]) : []}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </>
      )
      break
    case 'integer':
      control = (
        <input
          id={id}
          name={id}
          type="number"
          inputMode="numeric"
          min={question.min}
          max={question.max}
          defaultValue={typeof value === 'number' ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )
      break
    case 'date':
      control = (
        <input
          id={id}
          name={id}
          type="date"
          defaultValue={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
        />
      )
      break
    default:
      control = (
        <textarea
          id={id}
          name={id}
          rows={2}
          defaultValue={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )
  }
  return (
    <div className="field question" id={`q-${id}`}>
      <label htmlFor={id}>{label}</label>
      {help}
      {control}
      {errorText}
    </div>
  )
}
