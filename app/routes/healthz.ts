import { getDb, keptStatementCount } from '#app/db.server.ts'
import { checkHealth } from '#app/health/health.server.ts'

// Liveness and readiness in one: it reads and writes the database, so a full disk or a locked
// file shows here as 503.
export async function loader() {
  try {
    const result = await checkHealth(getDb(), keptStatementCount())
    return Response.json({ status: 'ok', ...result }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    console.warn('[healthz] database check failed:', error)
    return Response.json({ status: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
