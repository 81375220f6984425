import { Form } from '@remix-run/react'
import { useController } from 'react-hook-form'
import { CountryPicker, ENGLISH_PICKER_MESSAGES } from '#app/components/country-picker.tsx'
import { Field } from '#app/components/field.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { EMAIL_LANGUAGE_CHOICES, InviteVendorSchema } from '#app/invitations/invitation.ts'
import type { InviteReply } from '#app/invitations/invite-messages.ts'

/** The two ways to invite vendors, side by side under the table: one at a time, or pasted. */
export function InvitePanels({ reply, busy }: { reply: InviteReply | undefined; busy: boolean }) {
  return (
    <div className="invite-panels">
      <InviteOne
        key={reply?.intent === 'invite' ? (reply.resetKey ?? 'invite') : 'invite'}
        reply={reply?.intent === 'invite' ? reply : undefined}
        busy={busy}
      />
      <InviteSeveral
        key={reply?.intent === 'paste' ? (reply.resetKey ?? 'paste') : 'paste'}
        reply={reply?.intent === 'paste' ? reply : undefined}
        busy={busy}
      />
    </div>
  )
}

function Notice({ reply }: { reply: InviteReply | undefined }) {
  if (!reply?.message) return null
  return (
    <div className={reply.ok ? 'notice' : 'form-error'} role="status">
      {reply.message}
    </div>
  )
}

function InviteOne({ reply, busy }: { reply: InviteReply | undefined; busy: boolean }) {
  const invite = useValidatedForm(InviteVendorSchema, reply?.errors)
  const country = useController({
    name: 'vendorCountry',
    control: invite.form.control,
    defaultValue: reply?.values?.vendorCountry ?? '',
  })
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" style={{ marginTop: 0 }}>
        Invite a vendor
      </h2>
      <Notice reply={reply} />
      <Form method="post" noValidate onSubmit={invite.onSubmit}>
        <input type="hidden" name="intent" value="invite" />
        <Field
          label="Company"
          error={invite.errorFor('vendorCompany')}
          defaultValue={reply?.values?.vendorCompany}
          {...invite.form.register('vendorCompany')}
        />
        <div className="field">
          <label htmlFor="vendorCountry" id="vendorCountry-label">
            Country
          </label>
          <CountryPicker
            id="vendorCountry"
            name="vendorCountry"
            labelId="vendorCountry-label"
            locale="en"
            messages={ENGLISH_PICKER_MESSAGES}
            describedBy={invite.errorFor('vendorCountry') ? 'vendorCountry-error' : undefined}
            invalid={Boolean(invite.errorFor('vendorCountry'))}
            value={typeof country.field.value === 'string' ? country.field.value : ''}
            onChange={country.field.onChange}
            onBlur={country.field.onBlur}
            inputRef={country.field.ref}
          />
          {invite.errorFor('vendorCountry') ? (
            <p className="field-error" id="vendorCountry-error" role="alert">
              {invite.errorFor('vendorCountry')}
            </p>
          ) : null}
        </div>
        <Field
          label="Contact name"
          error={invite.errorFor('contactName')}
          defaultValue={reply?.values?.contactName}
          {...invite.form.register('contactName')}
        />
        <Field
          label="Contact email"
          type="email"
          error={invite.errorFor('contactEmail')}
          defaultValue={reply?.values?.contactEmail}
          {...invite.form.register('contactEmail')}
        />
        <LanguageSelect
          id="invite-language"
          defaultValue={reply?.values?.language}
          error={invite.errorFor('language')}
        />
        <button className="primary" type="submit" disabled={busy}>
          Send invitation
        </button>
      </Form>
    </section>
  )
}

function InviteSeveral({ reply, busy }: { reply: InviteReply | undefined; busy: boolean }) {
  const errors = reply?.lineErrors
  return (
    <section className="panel" aria-labelledby="paste-heading">
      <h2 id="paste-heading" style={{ marginTop: 0 }}>
        Invite several
      </h2>
      <Notice reply={reply} />
      <Form method="post">
        <input type="hidden" name="intent" value="paste" />
        <div className="field">
          <label htmlFor="paste-rows">One vendor per line: company, country, contact name, email</label>
          <p className="field-hint" id="paste-hint">
            Copy four columns from a spreadsheet and paste them here (the cells arrive separated by tabs), or type the
            fields separated by commas, putting a field that holds a comma in double quotes:{' '}
            <code>"Norte, S.A. de C.V.", MX, Ana López, ana@norte.example</code>. The country is a two-letter code (MX,
            PH, PR).
          </p>
          <textarea
            id="paste-rows"
            name="rows"
            rows={5}
            aria-describedby={errors ? 'paste-hint paste-errors' : 'paste-hint'}
            defaultValue={reply?.values?.rows}
            placeholder={
              'Caribe Data Services, PR, Luis Ortiz, luis@caribe.example\n"Norte, S.A. de C.V.", MX, Ana López, ana@norte.example'
            }
          />
          {errors ? (
            <ul className="field-error" id="paste-errors" role="alert">
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <LanguageSelect id="paste-language" defaultValue={reply?.values?.language} />
        <button className="primary" type="submit" disabled={busy}>
          Invite all
        </button>
      </Form>
    </section>
  )
}

/** The invitation email's language: the vendor's country decides unless the buyer chooses. */
function LanguageSelect({
  id,
  defaultValue,
  error,
}: {
  id: string
  defaultValue: string | undefined
  error?: string | undefined
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Email language</label>
      <p className="field-hint" id={`${id}-hint`}>
        From the vendor’s country: Spanish for Spanish-speaking countries and Puerto Rico, Chinese for China, English
        elsewhere. The vendor can switch language on the questionnaire.
      </p>
      <select
        id={id}
        name="language"
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        defaultValue={defaultValue ?? ''}
      >
        {EMAIL_LANGUAGE_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
