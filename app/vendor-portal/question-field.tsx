import { useMemo, useState } from 'react'
import { type Control, type UseFormRegister, useFieldArray, useWatch } from 'react-hook-form'
import { type Locale, localized } from '../i18n/locale.ts'
import type { Messages } from '../i18n/messages.ts'
import { CMMC_ASSESSORS, CMMC_STATUSES } from '../questionnaire/answer-schema.ts'
import type { Question } from '../questionnaire/definition.ts'
import { type CertificateRow, isCmmcType, NONE } from './form-values.ts'

export type Country = { code: string; name: string }
type EvidenceOption = { id: string; fileName: string }
type FormValues = Record<string, unknown>

type FieldProps = {
  question: Question
  /** The stored or just-posted form value (server render, and the no-JavaScript form). */
  value: unknown
  error?: string
  countries: Country[]
  evidence: EvidenceOption[]
  locale: Locale
  t: Messages
  register: UseFormRegister<FormValues>
  control: Control<FormValues>
  /** True once React runs in the browser: enables the search boxes and row buttons. */
  hydrated: boolean
  /** Extra content under the field: the autosave state or a conflict to resolve. */
  status?: React.ReactNode
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
      <legend>{label}</legend>
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
      return group(<CountryChecklist {...props} describedBy={describedBy} />)
    case 'certification-list':
      return group(<CertificateEditor {...props} />)
    case 'file':
      return group(<p className="muted">{t.section.fileBelow}</p>)
    default:
      break
  }

  // Single controls: a label element pointing at the control.
  let control: React.ReactNode
  switch (question.type) {
    case 'country':
      control = <CountrySelect {...props} describedBy={describedBy} />
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
      <label htmlFor={id}>{label}</label>
      {help}
      {control}
      {errorText}
      {status}
    </div>
  )
}

const matches = (country: Country, query: string) => {
  const q = query.trim().toLocaleLowerCase()
  return q === '' || country.name.toLocaleLowerCase().includes(q) || country.code.toLowerCase() === q
}

/** A country select; with JavaScript, a search box above it narrows the list as you type. */
function CountrySelect({
  question,
  value,
  countries,
  locale,
  t,
  register,
  hydrated,
  describedBy,
  error,
}: FieldProps & { describedBy: string }) {
  const id = question.id
  const [query, setQuery] = useState('')
  const current = typeof value === 'string' ? value : ''
  const shown = useMemo(
    () => countries.filter((c) => matches(c, query) || c.code === current),
    [countries, query, current],
  )
  return (
    <>
      {hydrated ? (
        <input
          type="search"
          className="country-search"
          aria-label={t.section.filterCountries}
          aria-controls={id}
          placeholder={t.section.filterCountries}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      ) : null}
      <select
        id={id}
        defaultValue={current}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...register(id)}
      >
        <option value="">{t.section.chooseCountry}</option>
        {question.type === 'country' && question.nullable ? (
          <option value={NONE}>{localized(question.nullLabel, locale) ?? '—'}</option>
        ) : null}
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </>
  )
}

/**
 * Several countries as a checklist (keyboard and screen-reader friendly, and a plain form field
 * without JavaScript); with JavaScript a search box filters it and the chosen ones are listed.
 */
function CountryChecklist({
  question,
  value,
  countries,
  t,
  register,
  control,
  hydrated,
  describedBy,
}: FieldProps & { describedBy: string }) {
  const id = question.id
  const [query, setQuery] = useState('')
  const watched = useWatch({ control, name: id })
  const chosen = Array.isArray(watched) ? (watched as string[]) : Array.isArray(value) ? (value as string[]) : []
  const names = new Map(countries.map((c) => [c.code, c.name]))
  const listId = `${id}-list`
  return (
    <div className="country-checklist">
      <input type="hidden" name={`${id}.__present`} value="1" />
      <p className="chosen" aria-live="polite">
        {chosen.length > 0
          ? t.section.selectedCountries(chosen.map((code) => names.get(code) ?? code).join(', '))
          : t.section.noneSelected}
      </p>
      {hydrated ? (
        <input
          type="search"
          className="country-search"
          aria-label={t.section.filterCountries}
          aria-controls={listId}
          aria-describedby={describedBy}
          placeholder={t.section.filterCountries}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      ) : null}
      <div className="checklist" id={listId}>
        {countries.map((c) => (
          <label key={c.code} className="check" hidden={!matches(c, query)}>
            <input
              type="checkbox"
              value={c.code}
              defaultChecked={Array.isArray(value) && value.includes(c.code)}
              {...register(id)}
            />{' '}
            {c.name}
          </label>
        ))}
      </div>
    </div>
  )
}

/** Certificate rows (type, edition, dates, evidence file); with JavaScript rows are added and removed. */
function CertificateEditor({ question, value, t, locale, register, control, hydrated, evidence }: FieldProps) {
  const id = question.id
  const { fields, append, remove, replace } = useFieldArray({ control, name: id as never })
  const blank = {
    type: '',
    edition: '',
    issued: '',
    expires: '',
    evidenceId: '',
    ...(question.type === 'certification-list' && question.cmmcDetails ? { assessor: '', status: '' } : {}),
  }
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
        <div className="cert-row" key={key}>
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
          {question.cmmcDetails ? (
            <CmmcFields id={id} index={i} row={row} t={t} register={register} control={control} hydrated={hydrated} />
          ) : null}
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

/**
 * A CMMC row's assessor and status (questionnaire v2), shown once the row's type is a CMMC level.
 * Without JavaScript a row can change type without a new render, so a row with no type yet shows
 * them too, marked "for CMMC certificates only" (the answer keeps them for CMMC rows only).
 */
function CmmcFields({
  id,
  index,
  row,
  t,
  register,
  control,
  hydrated,
}: {
  id: string
  index: number
  row: CertificateRow
  t: Messages
  register: UseFormRegister<FormValues>
  control: Control<FormValues>
  hydrated: boolean
}) {
  const watched = useWatch({ control, name: `${id}.${index}.type` })
  const type = hydrated ? watched : row.type
  const cmmc = isCmmcType(type)
  if (!cmmc && (hydrated || row.type)) return null
  const only = cmmc ? null : <span className="muted">{` (${t.section.cmmcOnly})`}</span>
  return (
    <>
      <label>
        <span>
          {t.section.cmmcAssessor}
          {only}
        </span>
        <select defaultValue={row.assessor ?? ''} {...register(`${id}.${index}.assessor`)}>
          <option value="">{t.section.cmmcAssessorNotStated}</option>
          {CMMC_ASSESSORS.map((assessor) => (
            <option key={assessor} value={assessor}>
              {t.section.cmmcAssessors[assessor]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>
          {t.section.cmmcStatus}
          {only}
        </span>
        <select defaultValue={row.status ?? ''} {...register(`${id}.${index}.status`)}>
          <option value="">{t.section.cmmcStatusNotStated}</option>
          {CMMC_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.section.cmmcStatuses[status]}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
