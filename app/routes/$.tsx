import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return (
    <main className="page narrow">
      <GeneralErrorBoundary />
    </main>
  )
}
