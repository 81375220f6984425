import net from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BrowserClient } from '#test/support/browser-client.ts'
import { pdfBytes } from '#test/support/evidence-files.ts'
import { buildRoutes, buildRouteWorld, openVendorSession, type RouteWorld } from '#test/support/route-world.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { ROUTE_TABLE } from './route-table.ts'

// Every action and resource route of the build, fed every kind of malformed body a client can
// send: the server answers each with a 4xx (never a 5xx) and still answers /healthz afterwards.

let server: TestServer
let world: RouteWorld
let openVendor: BrowserClient
beforeAll(async () => {
  server = await startTestServer()
  world = await buildRouteWorld(server.baseUrl)
  openVendor = await openVendorSession(server.baseUrl, world.ids.answeringInvitationId)
})
afterAll(async () => {
  await server.close()
})

const BOUNDARY = '----shoreline-bad-input'
const MIB = 1024 * 1024

function multipart(fileName: string, content: Uint8Array = pdfBytes()) {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="questionId"\r\n\r\ndestruction.certificateSample\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
      'utf8',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

function deepJson(depth: number) {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

const CONTROL = '\u0000\r\nSet-Cookie: x=1\u202e\u0007'

type BadBody = { name: string; contentType?: string; body?: Uint8Array | string; headers?: Record<string, string> }

/** The malformed bodies, each sent as a POST to every action and resource route. */
const BAD_BODIES: BadBody[] = [
  { name: 'text/plain', contentType: 'text/plain', body: 'hello' },
  { name: 'JSON where a form is expected', contentType: 'application/json', body: '{"email":"a@b.c"}' },
  { name: 'no content type and no body' },
  { name: 'a body without a content type', body: 'a=b' },
  { name: 'an empty form', contentType: 'application/x-www-form-urlencoded', body: '' },
  { name: 'multipart without a boundary', contentType: 'multipart/form-data', body: multipart('cert.pdf') },
  {
    name: 'truncated multipart',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: multipart('cert.pdf').subarray(0, 300),
  },
  {
    name: 'a null byte in a file name',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: multipart('cert\u0000.pdf'),
  },
  { name: '5,000-deep JSON', contentType: 'application/json', body: deepJson(5000) },
  { name: 'malformed JSON', contentType: 'application/json', body: '{"questionId": ' },
  {
    name: 'control characters in every field',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams(
      Object.fromEntries(
        ['email', 'password', 'name', 'redirectTo', 'intent', 'organisationName', 'vendorCompany', 'comment'].map(
          (field) => [field, `x${CONTROL}`],
        ),
      ),
    ).toString(),
  },
  { name: 'a form of 2 MiB', contentType: 'application/x-www-form-urlencoded', body: `a=${'x'.repeat(2 * MIB)}` },
  {
    name: 'a gzip-encoded form',
    contentType: 'application/x-www-form-urlencoded',
    body: gzipSync('a=b'),
    headers: { 'content-encoding': 'gzip' },
  },
]

/** Who sends a route's requests: someone the route lets in, so the body reaches its action. */
function senderFor(url: string, clients: RouteWorld['clients']): BrowserClient {
  if (url.startsWith('/v')) return openVendor
  if (url.startsWith('/app')) return clients.admin
  return clients.anonymous
}

async function send(client: BrowserClient, url: string, bad: BadBody) {
  const headers: Record<string, string> = { cookie: client.cookieHeader(), origin: server.baseUrl, ...bad.headers }
  if (bad.contentType !== undefined) headers['content-type'] = bad.contentType
  const body = typeof bad.body === 'string' ? Buffer.from(bad.body) : bad.body
  return fetch(new URL(url, server.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: body === undefined ? undefined : new Uint8Array(body),
  })
}

async function healthy() {
  expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
}

describe('bad input on every action and resource route', () => {
  test('no malformed body gets a 5xx, and /healthz answers after each', async () => {
    const routes = (await buildRoutes()).filter((route) => route.hasAction || route.isResource)
    expect(routes.length).toBeGreaterThan(10)
    const failures: string[] = []
    for (const route of routes) {
      const row = ROUTE_TABLE[route.id]
      expect(row, `${route.id} has no row in route-table.ts`).toBeDefined()
      if (!row) continue
      const url = row.url(world.ids)
      for (const bad of BAD_BODIES) {
        const response = await send(senderFor(url, world.clients), url, bad).catch((error: Error) => {
          failures.push(`${route.id} (${url}) ← ${bad.name}: ${error.message} ${String(error.cause)}`)
          return undefined
        })
        if (!response) continue
        const text = await response.text()
        if (response.status >= 500)
          failures.push(`${route.id} (${url}) ← ${bad.name}: ${response.status} ${text.slice(0, 120)}`)
        await healthy()
      }
    }
    expect(failures).toEqual([])
    // Every route × every bad body, one after another: a bound on waiting, passed at 30 s at load 22.
  }, 180_000)

  test('a form over 1 MiB is a 413 with a message, on any route, signed in or not', async () => {
    for (const url of ['/signup', '/login', '/app/engagements/new', '/v/section/destruction']) {
      const response = await send(senderFor(url, world.clients), url, {
        name: '50 MB',
        contentType: 'application/x-www-form-urlencoded',
        body: `email=${'x'.repeat(50 * MIB)}`,
      }).catch((error: Error) => {
        throw new Error(`${url}: ${error.message} ${String(error.cause)}`)
      })
      expect(response.status, url).toBe(413)
      expect(await response.text()).toContain('larger than 1 MiB')
    }
    await healthy()
    // Four 50 MB bodies: a bound on waiting, passed at 30 s at load 22.
  }, 120_000)

  test('autosave answers deep, malformed and non-JSON bodies with a 4xx in JSON', async () => {
    const cases: [BadBody, number, string][] = [
      [{ name: 'deep', contentType: 'application/json', body: deepJson(5000) }, 400, 'nests deeper'],
      [
        { name: 'deep object', contentType: 'application/json', body: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
        400,
        'nests deeper',
      ],
      [{ name: 'broken', contentType: 'application/json', body: '{"questionId"' }, 400, 'must be JSON'],
      [{ name: 'form', contentType: 'application/x-www-form-urlencoded', body: 'a=b' }, 415, 'application/json'],
      [{ name: 'huge', contentType: 'application/json', body: `"${'x'.repeat(2 * MIB)}"` }, 413, 'larger than 1 MiB'],
    ]
    for (const [bad, status, message] of cases) {
      const response = await send(openVendor, '/v/answers', bad)
      expect(response.status, bad.name).toBe(status)
      expect(((await response.json()) as { error: string }).error).toContain(message)
    }
    await healthy()
  })

  test('a wrong content type or a missing body on a form action is a 4xx with a message, never a 500', async () => {
    const textPlain = await send(world.clients.admin, '/app/engagements/new', BAD_BODIES[0] as BadBody)
    expect(textPlain.status).toBe(415)
    expect(await textPlain.text()).toContain('accepts a form')
    const noBody = await send(world.clients.anonymous, '/login', { name: 'none' })
    expect(noBody.status).toBe(400)
    const noBoundary = await send(world.clients.anonymous, '/signup', BAD_BODIES[5] as BadBody)
    expect(noBoundary.status).toBe(400)
    expect(await noBoundary.text()).toContain('boundary is missing')
  })

  test('a multipart body cut off by a client that goes away leaves every route serving', async () => {
    const { port } = new URL(server.baseUrl)
    for (const url of ['/signup', '/v/section/destruction', '/app/engagements/new']) {
      const client = senderFor(url, world.clients)
      const body = multipart('cert.pdf')
      const socket = net.connect(Number(port), '127.0.0.1')
      await new Promise<void>((resolve) => socket.once('connect', resolve))
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
      socket.on('error', () => {})
      socket.resume()
      socket.write(
        `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.baseUrl}\r\n` +
          `Cookie: ${client.cookieHeader()}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
          `Content-Length: ${body.length + 10_000}\r\n\r\n`,
      )
      socket.write(body.subarray(0, 200))
      socket.end()
      await closed
      await healthy()
    }
  })

  test('an upload without a Content-Length, or declaring more than 11 MiB, is refused before it is read', async () => {
    const tooLong = await fetch(`${server.baseUrl}/v/section/destruction`, {
      method: 'POST',
      headers: {
        cookie: openVendor.cookieHeader(),
        origin: server.baseUrl,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
      body: new Uint8Array(Buffer.concat([multipart('big.pdf', new Uint8Array(12 * MIB))])),
    })
    expect(tooLong.status).toBe(413)
    await healthy()
  })
})
