import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { EngagementFormSchema, todayIso } from '#app/engagements/engagement.ts'
import { EngagementForm, type EngagementFormValues } from '#app/engagements/engagement-form.tsx'
import { createEngagement } from '#app/engagements/engagements.server.ts'
import { OutlookPanel } from '#app/engagements/outlook-panel.tsx'
import { fieldErrorsOf } from '#app/utils/forms.ts'
import { nestedFormValuesOr400 } from '#app/utils/request.server.ts'

export const meta: MetaFunction = () => [{ title: 'New engagement · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'engagement:write')
  // Today comes from the server, so the browser's outlook judges dates exactly as the server does.
  return { today: todayIso() }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requirePermission(request, 'engagement:write')
  const values = nestedFormValuesOr400(await request.formData())
  const parsed = EngagementFormSchema.safeParse(values)
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 })
  const { profile, ...details } = parsed.data
  const id = await createEngagement(getDb(), {
    actor: { organisationId: member.organisationId, userId: member.userId },
    details,
    profile,
  })
  return redirect(`/app/engagements/${id}`)
}

const EMPTY: EngagementFormValues = {
  name: '',
  description: '',
  dueDate: '',
  profile: { homeCountry: 'US', industry: 'healthcare', dataCategories: [], purposes: [], volumes: {}, flags: {} },
}

export default function NewEngagement() {
  const { today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/app/engagements">← Engagements</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>New engagement</h1>
          <p>
            Describe the work and the data it touches. You can change the profile later; submitted vendors are
            re-assessed.
          </p>
        </div>
      </div>
      <EngagementForm
        defaultValues={(actionData?.values as EngagementFormValues | undefined) ?? EMPTY}
        serverErrors={actionData?.errors}
        submitLabel="Create engagement"
        outlook={(values) => <OutlookPanel profileValues={(values as EngagementFormValues).profile} today={today} />}
      />
    </>
  )
}
