import { isRouteErrorResponse, Link, useParams, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'

type StatusHandler = (info: { params: Record<string, string | undefined>; message: string }) => ReactNode

const DEFAULT_HANDLERS: Record<number, StatusHandler> = {
  403: ({ message }) => (
    <>
      <h1>Not allowed</h1>
      <p>{message || 'Your role does not allow this.'}</p>
    </>
  ),
  404: () => (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address, or it belongs to another organisation.</p>
    </>
  ),
}

/** The one error boundary: routes pass handlers for the statuses they expect, everything else is generic. */
export function GeneralErrorBoundary({ statusHandlers }: { statusHandlers?: Record<number, StatusHandler> }) {
  const error = useRouteError()
  const params = useParams()
  const handlers = { ...DEFAULT_HANDLERS, ...statusHandlers }
  let content: ReactNode
  if (isRouteErrorResponse(error)) {
    const handler = handlers[error.status]
    const message = typeof error.data === 'string' ? error.data : ''
    content = handler ? (
      handler({ params, message })
    ) : (
      <>
        <h1>Error {error.status}</h1>
        <p>{message || error.statusText}</p>
      </>
    )
  } else {
    content = (
      <>
        <h1>Something went wrong</h1>
        <p>We could not show this page. Your saved work is safe; try again in a moment.</p>
      </>
    )
  }
  return (
    <div className="error-page">
      {content}
      <p>
        <Link to="/">Back to Shoreline</Link>
      </p>
    </div>
  )
}
