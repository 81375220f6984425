import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Suspense } from 'react'
import { appetiteSettings, saveAppetite } from '#app/appetite/appetite-settings.server.ts'
import { can } from '#app/auth/auth.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { EngagementFormSchema, todayIso } from '#app/engagements/engagement.ts'
import type { EngagementFormValues } from '#app/engagements/engagement-form.tsx'
import { setEngagementArchived, updateEngagement } from '#app/engagements/engagements.server.ts'
import { outlookForFormValues } from '#app/engagements/outlook-values.server.ts'
import { ProfileForms as ProfileFormsNow } from '#app/engagements/profile-forms.tsx'
import { findEngagementWithProfile } from '#app/engagements/queries.server.ts'
import { reassessEngagement } from '#app/responses/assessments.server.ts'
import { loadedApart } from '#app/utils/before-hydration.ts'
import { fieldErrorsOf } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { nestedFormValuesOr400 } from '#app/utils/request.server.ts'

// The two forms (react-hook-form, the country picker and its list, the outlook) are most of the
// page's script, and its first paint needs none of them: the server renders them, the browser
// fetches their module as this route's module runs instead of preloading it with the page, and
// hydrates once it is there (README decisions 94 and 97). The browser's bundle has only the
// dynamic import: the static one goes with the server's branch, as long as no module below it
// runs code as it loads (such a module would stay among the page's preloads).
const ProfileForms = import.meta.env.SSR
  ? ProfileFormsNow
  : loadedApart(
      () => import('#app/engagements/profile-forms.tsx').then((module) => module.ProfileForms),
      () => document.querySelector('.profile-forms') !== null,
    )

async function load(request: Request, engagementId: string | undefined) {
  const member = await requireMember(request)
  const found = await findEngagementWithProfile(getDb(), {
    organisationId: member.organisationId,
    engagementId: engagementId ?? '',
  })
  invariantResponse(found, 'Engagement not found', { status: 404 })
  return { member, ...found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, engagement, profile } = await load(request, params.engagementId)
  const values: EngagementFormValues = {
    name: engagement.name,
    description: engagement.description,
    dueDate: engagement.due_date ?? '',
    profile: profile as EngagementFormValues['profile'],
  }
  const appetite = await appetiteSettings(getDb(), { organisationId: engagement.organisation_id, engagement, profile })
  // The outlook of the stored profile comes with the page; the form asks /app/outlook as it changes.
  const outlook = outlookForFormValues(values.profile, todayIso())
  // An auditor reads the profile and changes nothing (README decision 80): the form is shown disabled.
  const canWrite = can(member.role, 'engagement:write')
  return { values, archived: engagement.status === 'archived', outlook, appetite, canWrite }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, engagement } = await load(request, params.engagementId)
  const formData = await request.formData()
  const actor = { organisationId: member.organisationId, userId: member.userId }
  const intent = formData.get('intent')
  // The risk appetite is a form of its own on this page (app/appetite).
  if (intent === 'appetite') return saveAppetite(getDb(), { actor, engagementId: engagement.id, formData })
  if (intent === 'archive' || intent === 'restore') {
    await setEngagementArchived(getDb(), { actor, engagementId: engagement.id, archived: intent === 'archive' })
    return redirect(intent === 'archive' ? '/app/engagements' : `/app/engagements/${engagement.id}`)
  }
  formData.delete('intent')
  const values = nestedFormValuesOr400(formData)
  const parsed = EngagementFormSchema.safeParse(values)
  if (!parsed.success)
    return data({ errors: fieldErrorsOf(parsed.error), values, saved: false, reassessed: 0 }, { status: 400 })
  const { profile, ...details } = parsed.data
  const { profileChanged } = await updateEngagement(getDb(), { actor, engagementId: engagement.id, details, profile })
  const reassessed = profileChanged ? await reassessEngagement(getDb(), { ...actor, engagementId: engagement.id }) : 0
  return { errors: undefined, values: undefined, saved: true, reassessed }
}

export default function EngagementProfile() {
  const { values, archived, outlook, appetite, canWrite } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const actionData = reply && 'saved' in reply ? reply : undefined
  return (
    <>
      {actionData?.saved ? (
        <div className="notice" role="status">
          Saved.
          {actionData.reassessed
            ? ` ${actionData.reassessed} submitted vendor${actionData.reassessed === 1 ? ' was' : 's were'} re-assessed under the new profile.`
            : ''}
        </div>
      ) : null}
      {canWrite ? null : (
        <p className="notice" role="status">
          You are an auditor: you can read this profile and its settings, not change them.
        </p>
      )}
      {/* A disabled fieldset disables every control inside it, the save buttons too. */}
      <fieldset className="plain-fieldset" disabled={!canWrite}>
        <Suspense fallback={<p className="muted">Loading the profile’s forms…</p>}>
          <ProfileForms
            values={(actionData?.values as EngagementFormValues | undefined) ?? values}
            serverErrors={actionData?.errors}
            outlook={outlook}
            appetite={appetite}
            appetiteReply={reply && 'appetite' in reply ? reply.appetite : undefined}
          />
        </Suspense>
      </fieldset>
      {canWrite ? (
        <section className="panel danger-zone" aria-labelledby="archive-heading">
          <h2 id="archive-heading">{archived ? 'Restore this engagement' : 'Archive this engagement'}</h2>
          <p className="muted">
            {archived
              ? 'It returns to your list of active engagements.'
              : 'It leaves your list of active engagements; vendors and answers are kept and you can restore it.'}
          </p>
          <details>
            <summary className="button secondary">{archived ? 'Restore…' : 'Archive…'}</summary>
            <Form method="post">
              <input type="hidden" name="intent" value={archived ? 'restore' : 'archive'} />
              <p>
                {archived
                  ? 'Restore this engagement?'
                  : 'Archive this engagement? Vendors can no longer be invited until you restore it.'}
              </p>
              <button className={archived ? 'primary' : 'danger'} type="submit">
                {archived ? 'Yes, restore' : 'Yes, archive'}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  )
}
