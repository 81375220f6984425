import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/require.server.ts'
import { can } from '#app/auth/roles.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Logo } from '#app/components/logo.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  return { member }
}

export default function AppShell() {
  const { member } = useLoaderData<typeof loader>()
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="inner">
          <NavLink className="brand" to="/app/engagements">
            <Logo /> Shoreline
          </NavLink>
          <nav className="main-nav" aria-label="Main">
            <NavLink to="/app/engagements">Engagements</NavLink>
            <NavLink to="/app/vendors">Vendors</NavLink>
            <NavLink to="/app/team">Team</NavLink>
            {can(member.role, 'outbox:read') ? <NavLink to="/app/outbox">Outbox</NavLink> : null}
          </nav>
          <div className="user-menu">
            <NavLink to="/app/account" title="Your account: password, log out everywhere">
              {member.name}
            </NavLink>
            <span>
              {member.organisationName}
              {can(member.role, 'team:manage') ? ' · admin' : ` · ${member.role}`}
            </span>
            <Form method="post" action="/logout">
              <button type="submit">Log out</button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  )
}

export function ErrorBoundary() {
  return (
    <main className="page">
      <GeneralErrorBoundary />
    </main>
  )
}
