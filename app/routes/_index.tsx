import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { findSignedInMember } from '#app/auth/require.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findSignedInMember(request)) throw redirect('/app/engagements')
  return null
}

export default function Landing() {
  return (
    <>
      <section className="hero">
        <div className="inner">
          <h1>Know how far your outsourced work may go — before the data leaves.</h1>
          <p>
            Shoreline sends your candidate vendors one questionnaire about where they store your data, who can see it,
            how they destroy it and which certifications they hold. It scores every answer against the laws your data
            falls under (HIPAA, GLBA, ITAR, EAR, DFARS, the DOJ Data Security Program, GDPR, China’s PIPL, PCI DSS,
            CCPA), cites the rule behind every finding, and tells you whether the work can go offshore, should stay
            nearshore or must stay onshore.
          </p>
          <div className="actions">
            <Link className="button" to="/signup">
              Create your organisation
            </Link>
            <Link className="button secondary" to="/login">
              Log in
            </Link>
          </div>
        </div>
      </section>
      <section className="features" aria-label="What Shoreline does">
        <div className="panel">
          <h2>One questionnaire, every regime</h2>
          <p>Describe your data once; vendors answer only what your regulations ask, in their own language.</p>
        </div>
        <div className="panel">
          <h2>Findings with citations</h2>
          <p>Every finding names the law behind it, the answer that triggered it and what would fix it.</p>
        </div>
        <div className="panel">
          <h2>Onshore, nearshore, offshore</h2>
          <p>
            A U.S. territory like Puerto Rico is nearshore on the map yet domestic in law. Shoreline knows the
            difference.
          </p>
        </div>
      </section>
    </>
  )
}
