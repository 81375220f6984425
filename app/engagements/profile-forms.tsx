import type { AppetiteReply } from '../appetite/appetite-form.ts'
import { AppetiteSection } from '../appetite/appetite-section.tsx'
import type { RiskPolicy } from '../appetite/policy.ts'
import type { RaisableRule } from '../appetite/raisable-rules.ts'
import type { FieldErrors } from '../utils/forms.ts'
import { EngagementForm, type EngagementFormValues } from './engagement-form.tsx'
import { OutlookPanel } from './outlook-panel.tsx'
import type { Outlook } from './outlook-types.ts'

/**
 * The engagement profile page's two forms: the engagement (details and regulatory profile, with
 * its live outlook) and the risk appetite. A module of their own so that the page's browser bundle
 * can load them apart from its first paint (react-hook-form, the country picker and its list:
 * README decision 97); the server renders them with the page, so they work without JavaScript.
 */
export function ProfileForms({
  values,
  serverErrors,
  outlook,
  appetite,
  appetiteReply,
}: {
  values: EngagementFormValues
  serverErrors: FieldErrors | undefined
  outlook: Outlook | null
  appetite: { policy: RiskPolicy; rules: readonly RaisableRule[] }
  appetiteReply: AppetiteReply | undefined
}) {
  return (
    <div className="profile-forms">
      <EngagementForm
        defaultValues={values}
        serverErrors={serverErrors}
        submitLabel="Save changes"
        outlook={(formValues, { addCategory }) => (
          <OutlookPanel
            profileValues={(formValues as EngagementFormValues).profile}
            initial={outlook}
            onAddCategory={addCategory}
          />
        )}
      />
      <AppetiteSection policy={appetite.policy} rules={appetite.rules} reply={appetiteReply} />
    </div>
  )
}
