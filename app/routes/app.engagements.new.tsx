import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { EngagementFormSchema, todayIso } from '#app/engagements/engagement.ts'
import { EngagementForm, type EngagementFormValues } from '#app/engagements/engagement-form.tsx'
import { createEngagement } from '#app/engagements/engagements.server.ts'
import { OutlookPanel } from '#app/engagements/outlook-panel.tsx'
import { outlookForFormValues } from '#app/engagements/outlook-values.server.ts'
import { fieldErrorsOf } from '#app/utils/forms.ts'
import { nestedFormValuesOr400 } from '#app/utils/request.server.ts'

export const meta: MetaFunction = () => [{ title: 'New engagement · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'engagement:write')
  // The outlook of the empty profile comes with the page; later ones from /app/outlook.
  return { outlook: outlookForFormValues(EMPTY.profile, todayIso()) }
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
  profile: {
    homeCountry: 'US',
    // No industry is chosen for the buyer: the select starts on "Choose an industry…" and the
    // schema asks for one (a preselected guess would be saved as the buyer's answer).
    industry: '' as unknown as EngagementFormValues['profile']['industry'],
    dataCategories: [],
    purposes: [],
    volumes: {},
    flags: {},
  },
}

export default function NewEngagement() {
  const { outlook } = useLoaderData<typeof loader>()
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
        outlook={(values, { addCategory }) => (
          <OutlookPanel
            profileValues={(values as EngagementFormValues).profile}
            initial={outlook}
            onAddCategory={addCategory}
          />
        )}
      />
    </>
  )
}
