import { Form, useNavigation, useSubmit } from '@remix-run/react'
import { type ReactNode, useEffect, useState } from 'react'
import { useController, useForm } from 'react-hook-form'
import type { z } from 'zod'
import { CountryPicker, ENGLISH_PICKER_MESSAGES } from '../components/country-picker.tsx'
import { Field } from '../components/field.tsx'
import { lazyResolver, loadOnce } from '../components/validated-form.tsx'
import type { FieldErrors } from '../utils/forms.ts'
import type { EngagementFormSchema } from './engagement.ts'
import {
  CMMC_ASSESSMENT_CHOICES,
  CMMC_ASSESSMENT_QUESTION,
  DATA_CATEGORY_INFO,
  type DataCategory,
  DFARS_CLOUD_SERVICE,
  dfarsInScope,
  FLAG_INFO,
  GLBA_SUPERVISOR,
  INDUSTRY_LABELS,
  PURPOSE_LABELS,
  profileFormValues,
  VOLUME_FIELDS,
  type VolumeField,
  volumeFieldShown,
} from './profile-words.ts'

export type EngagementFormValues = z.input<typeof EngagementFormSchema>

// The form's schema (zod, the profile's rules) is loaded when the form is first focused, not with
// the page: building it is most of the page's script time before it responds (README decision 87).
const loadSchema = () => import('./engagement.ts').then((module) => module.EngagementFormSchema)

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/**
 * The engagement form (details and regulatory profile), for creating and editing. react-hook-form
 * validates with EngagementFormSchema and then submits the native form, which the action parses
 * with the same schema. Volume fields show only for the categories that need them once JavaScript
 * runs; without it they are all shown.
 */
export function EngagementForm({
  defaultValues,
  serverErrors,
  submitLabel,
  outlook,
}: {
  defaultValues: EngagementFormValues
  serverErrors: FieldErrors | undefined
  submitLabel: string
  outlook?: (values: unknown, actions: { addCategory: (category: string) => void }) => ReactNode
}) {
  const submit = useSubmit()
  const navigation = useNavigation()
  const hydrated = useHydrated()
  // Radios and selects hold strings: a stored profile's booleans and nulls become their values.
  const initial = { ...defaultValues, profile: profileFormValues(defaultValues.profile ?? {}) }
  const form = useForm<z.input<typeof EngagementFormSchema>, unknown, z.output<typeof EngagementFormSchema>>({
    resolver: lazyResolver(loadSchema) as never,
    defaultValues: initial,
    mode: 'onTouched',
  })
  const homeCountry = useController({ name: 'profile.homeCountry', control: form.control })
  const values = form.watch()
  const categories = (values.profile?.dataCategories as string[] | undefined) ?? []
  const flags = (values.profile?.flags ?? {}) as Record<string, unknown>
  // Without JavaScript every question is on the page; with it, only those the profile needs.
  const dfars = !hydrated || dfarsInScope(categories, flags.dodContractor)
  const cmmcRequired = !hydrated || (dfars && Number(flags.cmmcLevel ?? 0) > 0)
  const glba = !hydrated || categories.includes('npi')
  // The server renders these as the inputs' initial state, so the form works without JavaScript.
  const initialProfile = initial.profile
  const initialFlags = (initialProfile.flags ?? {}) as Record<string, unknown>
  const initialVolumes = (initialProfile.volumes ?? {}) as Record<string, unknown>
  const asList = (value: unknown) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
  const initialCategories = asList(initialProfile.dataCategories)
  const initialPurposes = asList(initialProfile.purposes)
  const errorFor = (name: string): string | undefined => {
    const parts = name.split('.')
    let node: unknown = form.formState.errors
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part]
    return (node as { message?: string } | undefined)?.message ?? serverErrors?.[name]
  }
  // The outlook may propose a data category (bulk US data over a DOJ threshold): tick its box.
  const addCategory = (category: string) => {
    if (categories.includes(category)) return
    form.setValue('profile.dataCategories', [...categories, category] as never, { shouldDirty: true })
  }
  const describedBy = (name: string) => (errorFor(name) ? `${name}-error` : undefined)

  return (
    <Form
      method="post"
      noValidate
      onFocus={() => void loadOnce(loadSchema).catch(() => {})}
      onSubmit={(event) => {
        const target = event.currentTarget
        void form.handleSubmit(() => submit(target))(event)
      }}
    >
      <div className="two-columns">
        <div>
          <fieldset className="panel">
            <legend>The work</legend>
            <Field
              label="Engagement name"
              error={errorFor('name')}
              defaultValue={String(initial.name ?? '')}
              {...form.register('name')}
            />
            <div className="field">
              <label htmlFor="description">What will the vendor do?</label>
              <textarea
                id="description"
                rows={3}
                defaultValue={String(initial.description ?? '')}
                {...form.register('description')}
              />
            </div>
            <Field
              label="Answers due"
              type="date"
              hint="Vendor links stay valid until 7 days after this date."
              error={errorFor('dueDate')}
              defaultValue={String(initial.dueDate ?? '')}
              {...form.register('dueDate')}
            />
          </fieldset>

          <fieldset className="panel">
            <legend>Your organisation</legend>
            <div className="grid-2">
              <div className="field">
                <label htmlFor="homeCountry" id="homeCountry-label">
                  Home country
                </label>
                <CountryPicker
                  id="homeCountry"
                  name="profile.homeCountry"
                  labelId="homeCountry-label"
                  locale="en"
                  messages={ENGLISH_PICKER_MESSAGES}
                  describedBy={describedBy('profile.homeCountry')}
                  invalid={Boolean(errorFor('profile.homeCountry'))}
                  value={typeof homeCountry.field.value === 'string' ? homeCountry.field.value : ''}
                  onChange={homeCountry.field.onChange}
                  onBlur={homeCountry.field.onBlur}
                  inputRef={homeCountry.field.ref}
                />
                <FieldError name="profile.homeCountry" message={errorFor('profile.homeCountry')} />
              </div>
              <div className="field">
                <label htmlFor="industry">Industry</label>
                <select
                  id="industry"
                  aria-describedby={describedBy('profile.industry')}
                  aria-invalid={errorFor('profile.industry') ? true : undefined}
                  defaultValue={initialProfile.industry ?? ''}
                  {...form.register('profile.industry')}
                >
                  {/* Nothing is preselected: a guess here would be saved as the buyer's answer. */}
                  <option value="" disabled>
                    Choose an industry…
                  </option>
                  {Object.entries(INDUSTRY_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <FieldError name="profile.industry" message={errorFor('profile.industry')} />
              </div>
            </div>
            <div className="checks">
              {(Object.keys(FLAG_INFO) as Array<keyof typeof FLAG_INFO>).map((flag) => (
                <label key={flag} className="check">
                  <input
                    type="checkbox"
                    value="on"
                    defaultChecked={initialFlags[flag] === true || initialFlags[flag] === 'on'}
                    {...form.register(`profile.flags.${flag}`)}
                  />{' '}
                  {FLAG_INFO[flag]}
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor="cmmcLevel">CMMC level your DoD contracts require</label>
              <select
                id="cmmcLevel"
                defaultValue={String(initialFlags.cmmcLevel ?? '0')}
                {...form.register('profile.flags.cmmcLevel')}
              >
                <option value="0">None</option>
                <option value="1">Level 1 (FCI)</option>
                <option value="2">Level 2 (CUI)</option>
                <option value="3">Level 3</option>
              </select>
            </div>
            {cmmcRequired ? (
              <div className="field">
                <label htmlFor="cmmcAssessment">{CMMC_ASSESSMENT_QUESTION.label}</label>
                <p className="field-hint" id="cmmcAssessment-hint">
                  {CMMC_ASSESSMENT_QUESTION.hint}
                </p>
                <select
                  id="cmmcAssessment"
                  aria-describedby={['cmmcAssessment-hint', describedBy('profile.flags.cmmcAssessment')]
                    .filter(Boolean)
                    .join(' ')}
                  defaultValue={String(initialFlags.cmmcAssessment ?? '')}
                  {...form.register('profile.flags.cmmcAssessment')}
                >
                  {Object.entries(CMMC_ASSESSMENT_CHOICES).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <FieldError name="profile.flags.cmmcAssessment" message={errorFor('profile.flags.cmmcAssessment')} />
              </div>
            ) : null}
            {dfars ? (
              <div className="field">
                <label className="check">
                  <input
                    type="checkbox"
                    value="on"
                    aria-describedby="dfarsCloudService-hint"
                    defaultChecked={initialFlags.dfarsCloudService === true}
                    {...form.register('profile.flags.dfarsCloudService')}
                  />{' '}
                  {DFARS_CLOUD_SERVICE.label}
                </label>
                <p className="field-hint" id="dfarsCloudService-hint">
                  {DFARS_CLOUD_SERVICE.hint}
                </p>
              </div>
            ) : null}
          </fieldset>

          <fieldset className="panel">
            <legend>The data the vendor will touch</legend>
            <p className="field-hint">Tick every kind of data in scope. Shoreline works out which laws apply.</p>
            <div className="categories">
              {(Object.keys(DATA_CATEGORY_INFO) as DataCategory[]).map((category) => (
                <label key={category} className="category">
                  <input
                    type="checkbox"
                    value={category}
                    defaultChecked={initialCategories.includes(category)}
                    {...form.register('profile.dataCategories')}
                  />
                  <span>
                    <strong>{DATA_CATEGORY_INFO[category].label}</strong>
                    <span className="muted">{DATA_CATEGORY_INFO[category].explain}</span>
                  </span>
                </label>
              ))}
            </div>
            {(Object.keys(VOLUME_FIELDS) as VolumeField[])
              .filter((field) => !hydrated || volumeFieldShown(field, categories))
              .map((field) => (
                <Field
                  key={field}
                  label={VOLUME_FIELDS[field].label}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  error={errorFor(`profile.volumes.${field}`)}
                  defaultValue={String(initialVolumes[field] ?? '')}
                  {...form.register(`profile.volumes.${field}`)}
                />
              ))}
            {glba ? (
              <fieldset className="field" aria-describedby="bankRegulated-hint">
                <legend className="label">{GLBA_SUPERVISOR.question}</legend>
                <p className="field-hint" id="bankRegulated-hint">
                  {GLBA_SUPERVISOR.hint}
                </p>
                <div className="checks">
                  {(['true', 'false'] as const).map((choice) => (
                    <label key={choice} className="check">
                      <input
                        type="radio"
                        value={choice}
                        defaultChecked={initialFlags.bankRegulated === choice}
                        {...form.register('profile.flags.bankRegulated')}
                      />{' '}
                      {GLBA_SUPERVISOR.choices[choice]}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
            {!hydrated || categories.some((c) => c.startsWith('cn-')) ? (
              <div className="field">
                <span className="label">Why data leaves mainland China</span>
                <div className="checks">
                  {(Object.keys(PURPOSE_LABELS) as Array<keyof typeof PURPOSE_LABELS>).map((purpose) => (
                    <label key={purpose} className="check">
                      <input
                        type="checkbox"
                        value={purpose}
                        defaultChecked={initialPurposes.includes(purpose)}
                        {...form.register('profile.purposes')}
                      />{' '}
                      {PURPOSE_LABELS[purpose]}
                    </label>
                  ))}
                </div>
              </div>
            ) : null}
          </fieldset>
          <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Saving…' : submitLabel}
          </button>
        </div>
        <aside className="outlook-column" aria-live="polite">
          {outlook ? outlook(values, { addCategory }) : null}
        </aside>
      </div>
    </Form>
  )
}

function FieldError({ name, message }: { name: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p className="field-error" id={`${name}-error`} role="alert">
      {message}
    </p>
  )
}
