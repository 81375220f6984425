import { PublicPage } from '../components/public-page.tsx'

export type LinkProblem = 'unknown' | 'revoked' | 'expired' | 'superseded' | 'no-session' | 'throttled'

const TEXT: Record<LinkProblem, { title: string; body: string }> = {
  unknown: {
    title: 'This link does not work',
    body: 'Check that you copied the whole link from the invitation email. If it still does not work, ask the company that invited you to send a new link.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    body: 'The company that invited you has withdrawn this questionnaire. If you think this is a mistake, contact them directly.',
  },
  expired: {
    title: 'This link has expired',
    body: 'Your answers so far are kept. Ask the company that invited you to extend the invitation or send a new link.',
  },
  superseded: {
    title: 'A newer link was sent',
    body: 'This link was replaced by a newer one. Use the most recent invitation email, or ask the company that invited you to send the link again.',
  },
  'no-session': {
    title: 'Open the link from your invitation email',
    body: 'The questionnaire opens from the personal link in the email you received. Follow that link again to continue; your answers are kept.',
  },
  throttled: {
    title: 'Too many attempts',
    body: 'Too many links that do not work were opened from your network. Wait 15 minutes, then use the link from your invitation email.',
  },
}

/** The plain page for a vendor link that cannot be used: what to do, and nothing about anyone. */
export function VendorLinkProblem({ problem }: { problem: LinkProblem }) {
  const text = TEXT[problem]
  return (
    <PublicPage>
      <div className="panel">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
      </div>
    </PublicPage>
  )
}
