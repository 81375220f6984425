import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildRoutes, buildRouteWorld, type RouteWorld, VISITORS, type Visitor } from '#test/support/route-world.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { ROUTE_TABLE, type RouteRow } from './route-table.ts'

// Every route of the production build × every kind of visitor, for GET and POST: the status each
// gets is the one route-table.ts says. A route added without a row fails here.

let server: TestServer
let world: RouteWorld
beforeAll(async () => {
  server = await startTestServer()
  world = await buildRouteWorld(server.baseUrl)
})
afterAll(async () => {
  await server.close()
})

function expected(row: string): Record<Visitor, number | undefined> {
  const cells = row.trim().split(/\s+/)
  if (cells.length !== VISITORS.length) throw new Error(`"${row}" needs ${VISITORS.length} statuses`)
  return Object.fromEntries(VISITORS.map((v, i) => [v, cells[i] === '-' ? undefined : Number(cells[i])])) as Record<
    Visitor,
    number | undefined
  >
}

async function statusOf(visitor: Visitor, method: 'GET' | 'POST', url: string, row: RouteRow) {
  const json = row.json !== undefined
  // Cookies are sent but not updated, so no answer (a language switch, a logout) changes the
  // visitor for the next row.
  const response = await fetch(new URL(url, server.baseUrl), {
    method,
    redirect: 'manual',
    headers: {
      cookie: world.clients[visitor].cookieHeader(),
      ...(method === 'POST'
        ? { origin: server.baseUrl, 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' }
        : {}),
    },
    body:
      method === 'GET' ? undefined : json ? JSON.stringify(row.json) : new URLSearchParams(row.form ?? {}).toString(),
  })
  await response.arrayBuffer()
  return response.status
}

describe('authorisation matrix', () => {
  test('every route of the build has a row, and every row names a route that exists', async () => {
    const ids = (await buildRoutes()).map((route) => route.id)
    expect(
      ids.filter((id) => !ROUTE_TABLE[id]),
      'routes without a row in route-table.ts',
    ).toEqual([])
    expect(
      Object.keys(ROUTE_TABLE).filter((id) => !ids.includes(id)),
      'rows for routes that no longer exist',
    ).toEqual([])
  })

  test('every visitor gets the expected status from every route, GET and POST', async () => {
    // Logging out ends the visitor's session: last.
    const routes = (await buildRoutes()).sort(
      (a, b) => Number(a.id === 'routes/logout') - Number(b.id === 'routes/logout'),
    )
    const wrong: string[] = []
    for (const route of routes) {
      const row = ROUTE_TABLE[route.id] as RouteRow | undefined
      if (!row) continue
      const url = row.url(world.ids)
      for (const method of ['GET', 'POST'] as const) {
        const want = expected(method === 'GET' ? row.get : row.post)
        for (const visitor of VISITORS) {
          const status = await statusOf(visitor, method, url, row)
          // "-": the route does not serve the method (Remix: 405; a parent layout's URL may be
          // answered by its index route, so only "not a success" is asserted there).
          const expectedStatus = want[visitor]
          const ok = expectedStatus === undefined ? status === 405 || status >= 300 : status === expectedStatus
          if (!ok) wrong.push(`${method} ${route.id} as ${visitor}: ${status}, expected ${expectedStatus ?? '-'}`)
        }
      }
    }
    expect(wrong).toEqual([])
    // About 800 requests one after another: on a loaded CI machine that took longer than the
    // project's 30 s default, which is a bound on waiting, not a statement about the routes.
  }, 180_000)
})
