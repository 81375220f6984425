import { zodResolver } from '@hookform/resolvers/zod'
import { Form, useNavigation, useSubmit } from '@remix-run/react'
import { type ReactNode, useEffect, useState } from 'react'
import { useController, useForm } from 'react-hook-form'
import type { z } from 'zod'
import { CountryPicker, ENGLISH_PICKER_MESSAGES } from '../components/country-picker.tsx'
import { Field } from '../components/field.tsx'
import type { FieldErrors } from '../utils/forms.ts'
import { EngagementFormSchema } from './engagement.ts'
import {
  DATA_CATEGORY_INFO,
  type DataCategory,
  FLAG_INFO,
  INDUSTRY_LABELS,
  PURPOSE_LABELS,
  VOLUME_FIELDS,
  type VolumeField,
  volumeFieldShown,
} from './profile-form.ts'

export type EngagementFormValues = z.input<typeof EngagementFormSchema>

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
  outlook?: (values: unknown) => ReactNode
}) {
  const submit = useSubmit()
  const navigation = useNavigation()
  const hydrated = useHydrated()
  const form = useForm<z.input<typeof EngagementFormSchema>, unknown, z.output<typeof EngagementFormSchema>>({
    resolver: zodResolver(EngagementFormSchema),
    defaultValues,
    mode: 'onTouched',
  })
  const homeCountry = useController({ name: 'profile.homeCountry', control: form.control })
  const values = form.watch()
  const categories = (values.profile?.dataCategories as string[] | undefined) ?? []
  const errorFor = (name: string): string | undefined => {
    const parts = name.split('.')
    let node: unknown = form.formState.errors
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part]
    return (node as { message?: string } | undefined)?.message ?? serverErrors?.[name]
  }
  const describedBy = (name: string) => (errorFor(name) ? `${name}-error` : undefined)

  return (
    <Form
      method="post"
      noValidate
      onSubmit={(event) => {
        const target = event.currentTarget
        void form.handleSubmit(() => submit(target))(event)
      }}
    >
      <div className="two-columns">
        <div>
          <fieldset className="panel">
            <legend>The work</legend>
            <Field label="Engagement name" error={errorFor('name')} {...form.register('name')} />
            <div className="field">
              <label htmlFor="description">What will the vendor do?</label>
              <textarea id="description" rows={3} {...form.register('description')} />
            </div>
            <Field
              label="Answers due"
              type="date"
              hint="Vendor links stay valid until 7 days after this date."
              error={errorFor('dueDate')}
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
                  {...form.register('profile.industry')}
                >
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
                  <input type="checkbox" value="on" {...form.register(`profile.flags.${flag}`)} /> {FLAG_INFO[flag]}
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor="cmmcLevel">CMMC level your DoD contracts require</label>
              <select id="cmmcLevel" {...form.register('profile.flags.cmmcLevel')}>
                <option value="0">None</option>
                <option value="1">Level 1 (FCI)</option>
                <option value="2">Level 2 (CUI)</option>
                <option value="3">Level 3</option>
              </select>
            </div>
          </fieldset>

          <fieldset className="panel">
            <legend>The data the vendor will touch</legend>
            <p className="field-hint">Tick every kind of data in scope. Shoreline works out which laws apply.</p>
            <div className="categories">
              {(Object.keys(DATA_CATEGORY_INFO) as DataCategory[]).map((category) => (
                <label key={category} className="category">
                  <input type="checkbox" value={category} {...form.register('profile.dataCategories')} />
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
                  {...form.register(`profile.volumes.${field}`)}
                />
              ))}
            {!hydrated || categories.some((c) => c.startsWith('cn-')) ? (
              <div className="field">
                <span className="label">Why data leaves mainland China</span>
                <div className="checks">
                  {(Object.keys(PURPOSE_LABELS) as Array<keyof typeof PURPOSE_LABELS>).map((purpose) => (
                    <label key={purpose} className="check">
                      <input type="checkbox" value={purpose} {...form.register('profile.purposes')} />{' '}
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
          {outlook ? outlook(values) : null}
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
