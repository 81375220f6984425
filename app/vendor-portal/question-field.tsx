import { useMemo } from 'react'
import { type Control, type UseFormRegister, useController, useFieldArray } from 'react-hook-form'
import { CountryPicker } from '../components/country-picker.tsx'
import { type Locale, localized } from '../i18n/locale.ts'
import type { Messages } from '../i18n/messages.ts'
import type { Question } from '../questionnaire/definition.ts'
import { type CertificateRow, NONE } from './form-values.ts'
import { RowUpload, type RowUploadTarget } from './row-upload.tsx'

type EvidenceOption = { id: string; fileName: string }
type FormValues = Record<string, unknown>

type FieldProps = {
  question: Question
  /** The stored or just-posted form value (server render, and the no-JavaScript form). */
  value: unknown
  error?: string
  evidence: EvidenceOption[]
  locale: Locale
  t: Messages
  register: UseFormRegister<FormValues>
  control: Control<FormValues>
  /** True once React runs in the browser: enables the search boxes and row buttons. */
  hydrated: boolean
  /** Extra content under the field: the autosave state or a conflict to resolve. */
  status?: React.ReactNode
  /** A file question's upload box (its files, the file input and its errors). */
  fileBox?: React.ReactNode
  /** Set on a question that appeared since the page was opened (a follow-up). */
  isNew?: boolean
  /** Certificate rows upload their own file to this file question (the section's action). */
  rowUpload?: RowUploadTarget
}

/**
 * One question as a form control that works as a plain form field without JavaScript (the values
 * are in the HTML) and is registered with react-hook-form when it runs. Labelled; its help text and
 * error are tied to it with aria-describedby.
 */
export function QuestionField(props: FieldProps) {
  const { question, value, error, locale, t, register, status } = props
  const id = question.id
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const describedBy = error ? `${helpId} ${errorId}` : helpId
  const invalid = error ? true : undefined
  const label = (
    <>
      {props.isNew ? <span className="badge-new">{t.section.newQuestion}</span> : null}
      {localized(question.prompt, locale)}
      {question.required ? (
        <span className="required" title={t.section.requiredMark}>
          {' *'}
          <span className="visually-hidden">{` (${t.section.requiredMark})`}</span>
        </span>
      ) : null}
    </>
  )
  const help = (
    <p className="field-hint" id={helpId}>
      {localized(question.help, locale)}
    </p>
  )
  const errorText = error ? (
    <p className="field-error" id={errorId} role="alert">
      {error}
    </p>
  ) : null

  const group = (children: React.ReactNode) => (
    <fieldset className="question" id={`q-${id}`} aria-describedby={describedBy} aria-invalid={invalid}>
      <legend id={`${id}-legend`}>{label}</legend>
      {help}
      {children}
      {errorText}
      {status}
    </fieldset>
  )

  switch (question.type) {
    case 'single-choice':
      return group(
        <div className="choices">
          {question.choices.map((choice) => (
            <label key={choice.value} className="check">
              <input type="radio" value={choice.value} defaultChecked={value === choice.value} {...register(id)} />{' '}
              {localized(choice.label, locale)}
            </label>
          ))}
        </div>,
      )
    case 'yes-no':
      return group(
        <div className="choices inline">
          <label className="check">
            <input type="radio" value="true" defaultChecked={value === 'true'} {...register(id)} /> {t.section.yes}
          </label>
          <label className="check">
            <input type="radio" value="false" defaultChecked={value === 'false'} {...register(id)} /> {t.section.no}
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
                value={choice.value}
                defaultChecked={Array.isArray(value) && value.includes(choice.value)}
                {...register(id)}
              />{' '}
              {localized(choice.label, locale)}
            </label>
          ))}
        </div>,
      )
    case 'country-list':
      return group(<CountryQuestion {...props} describedBy={describedBy} labelId={`${id}-legend`} />)
    case 'certification-list':
      return group(<CertificateEditor {...props} />)
    case 'file':
      return group(props.fileBox)
    default:
      break
  }

  // Single controls: a label element pointing at the control.
  let control: React.ReactNode
  switch (question.type) {
    case 'country':
      control = <CountryQuestion {...props} describedBy={describedBy} labelId={`${id}-label`} />
      break
    case 'integer':
      control = (
        <span className="with-unit">
          <input
            id={id}
            type="text"
            inputMode="numeric"
            pattern="-?[0-9]*"
            defaultValue={typeof value === 'string' ? value : ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...register(id)}
          />
          {question.unit ? <span className="muted">{` ${localized(question.unit, locale)}`}</span> : null}
        </span>
      )
      break
    case 'date':
      control = (
        <input
          id={id}
          type="date"
          defaultValue={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...register(id)}
        />
      )
      break
    default:
      control = (
        <textarea
          id={id}
          rows={2}
          maxLength={question.type === 'text' ? question.maxLength : undefined}
          defaultValue={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...register(id)}
        />
      )
  }
  return (
    <div className="field question" id={`q-${id}`}>
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {help}
      {control}
      {errorText}
      {status}
    </div>
  )
}

/** A country question: the shared country picker, kept in react-hook-form by a controller. */
function CountryQuestion({
  question,
  locale,
  t,
  control,
  describedBy,
  labelId,
  error,
}: FieldProps & { describedBy: string; labelId: string }) {
  const { field } = useController({ name: question.id, control })
  const common = {
    id: question.id,
    name: question.id,
    labelId,
    locale,
    messages: t.section.countryPicker,
    describedBy,
    invalid: Boolean(error),
    onBlur: field.onBlur,
    inputRef: field.ref,
  }
  const nullLabel =
    question.type === 'country' && question.nullable ? (localized(question.nullLabel, locale) ?? '—') : null
  const none = useMemo(() => (nullLabel ? [{ code: NONE, name: nullLabel }] : []), [nullLabel])
  if (question.type === 'country-list') {
    return (
      <CountryPicker
        {...common}
        multiple
        value={Array.isArray(field.value) ? (field.value as string[]) : []}
        onChange={field.onChange}
        // A group of unticked boxes posts nothing: the marker says the group was on the page.
        fallbackExtra={<input type="hidden" name={`${question.id}.__present`} value="1" />}
      />
    )
  }
  return (
    <CountryPicker
      {...common}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      extraChoices={none}
    />
  )
}

/** Certificate rows (type, edition, dates, evidence file); with JavaScript rows are added and removed. */
function CertificateEditor({
  question,
  value,
  t,
  locale,
  register,
  control,
  hydrated,
  evidence,
  rowUpload,
}: FieldProps) {
  const id = question.id
  const { fields, append, remove, replace } = useFieldArray({ control, name: id as never })
  const blank = { type: '', edition: '', issued: '', expires: '', evidenceId: '' }
  // Server render (and no JavaScript): the stored rows and a blank one to fill in (answerToForm);
  // "none held" has no row, but a plain form still offers one to fill in instead.
  const serverRows = Array.isArray(value) ? (value as CertificateRow[]) : []
  const noneHeld = hydrated ? fields.length === 0 : serverRows.length === 0
  const rows: Array<{ key: string; row: CertificateRow }> = hydrated
    ? fields.map((field) => ({ key: field.id, row: field as unknown as CertificateRow }))
    : (serverRows.length > 0 ? serverRows : [blank]).map((row, i) => ({ key: `${id}-${i}`, row }))
  if (question.type !== 'certification-list') return null
  return (
    <div className="cert-rows">
      <input type="hidden" name={`${id}.__present`} value="1" />
      <label className="check">
        <input
          type="checkbox"
          name={`${id}.__none`}
          value="1"
          {...(hydrated
            ? {
                checked: noneHeld,
                // None held is no row at all; unticking offers a row to fill in.
                onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
                  event.target.checked ? remove() : append(blank as never),
              }
            : { defaultChecked: noneHeld })}
        />{' '}
        {t.section.noCertificates}
      </label>
      {rows.map(({ key, row }, i) => (
        <div className="cert-row" key={key} id={`cert-row-${i}`}>
          <label>
            {t.section.certificate}
            <select defaultValue={row.type ?? ''} {...register(`${id}.${i}.type`)}>
              <option value="">—</option>
              {question.certificationTypes.map((type) => (
                <option key={type.value} value={type.value}>
                  {localized(type.label, locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.section.edition}
            <select defaultValue={row.edition ?? ''} {...register(`${id}.${i}.edition`)}>
              <option value="">{t.section.editionNotApplicable}</option>
              <option value="2022">2022</option>
              <option value="2013">2013</option>
            </select>
          </label>
          <label>
            {t.section.issued}
            <input type="date" defaultValue={row.issued ?? ''} {...register(`${id}.${i}.issued`)} />
          </label>
          <label>
            {t.section.expires}
            <input type="date" defaultValue={row.expires ?? ''} {...register(`${id}.${i}.expires`)} />
          </label>
          <label>
            {t.section.evidenceFile}
            <select defaultValue={row.evidenceId ?? ''} {...register(`${id}.${i}.evidenceId`)}>
              <option value="">—</option>
              {evidence.map((file) => (
                <option key={file.id} value={file.id}>
                  {file.fileName}
                </option>
              ))}
            </select>
          </label>
          {rowUpload ? <RowUpload listId={id} row={i} target={rowUpload} hydrated={hydrated} t={t} /> : null}
          {hydrated ? (
            <button
              type="button"
              className="link-button"
              // The last row is emptied rather than removed: no row at all means "none held".
              onClick={() => (fields.length > 1 ? remove(i) : replace([blank] as never))}
            >
              {t.section.removeCertificateRow}
            </button>
          ) : null}
        </div>
      ))}
      {hydrated ? (
        <button type="button" className="secondary" onClick={() => append(blank as never)}>
          {t.section.addCertificateRow}
        </button>
      ) : null}
    </div>
  )
}
