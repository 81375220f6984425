import { useMessages } from '../i18n/use-messages.tsx'
import { VendorPage } from './vendor-page.tsx'

type LinkProblem = 'unknown' | 'revoked' | 'expired' | 'superseded' | 'no-session' | 'throttled'

/** The plain page for a vendor link that cannot be used: what to do, and nothing about anyone. */
export function VendorLinkProblem({ problem }: { problem: LinkProblem }) {
  const text = useMessages().problems[problem]
  return (
    <VendorPage>
      <div className="panel">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
      </div>
    </VendorPage>
  )
}
