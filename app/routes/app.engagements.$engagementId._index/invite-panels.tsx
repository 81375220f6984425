import { Form } from '@remix-run/react'
import { useController } from 'react-hook-form'
import { CountryPicker, ENGLISH_PICKER_MESSAGES } from '#app/components/country-picker.tsx'
import { Field } from '#app/components/field.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { InviteVendorSchema } from '#app/invitations/invitation.ts'

/** What the dashboard's action answers: which form was sent, how it went, and what to show again. */
export type InviteReply = {
  intent: string
  ok: boolean
  message?: string
  errors?: Record<string, string>
  values?: Record<string, string>
  lineErrors?: string[]
}

/** The two ways to invite vendors, side by side under the table: one at a time, or pasted. */
export function InvitePanels({ reply, busy }: { reply: InviteReply | undefined; busy: boolean }) {
  return (
    <div className="invite-panels">
      <InviteOne reply={reply?.intent === 'invite' ? reply : undefined} busy={busy} />
      <InviteSeveral reply={reply?.intent === 'paste' ? reply : undefined} busy={busy} />
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
            Paste from a spreadsheet (tab-separated) or type comma-separated lines.
          </p>
          <textarea
            id="paste-rows"
            name="rows"
            rows={5}
            aria-describedby={errors ? 'paste-hint paste-errors' : 'paste-hint'}
            defaultValue={reply?.values?.rows}
            placeholder={
              'Caribe Data Services, PR, Luis Ortiz, luis@caribe.example\nMumbai Coding Co, IN, Priya Shah, priya@mumbai.example'
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
        <button className="primary" type="submit" disabled={busy}>
          Invite all
        </button>
      </Form>
    </section>
  )
}
