import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { beforeEach, describe, expect, test } from 'vitest'
import { clearRenderCache, memoisedHtml, renderCacheKey, renderSink } from '#app/server/render-cache.server.ts'

type Context = Parameters<typeof renderCacheKey>[2]

function context(loaderData: Record<string, unknown>, options: { optIn?: boolean; actionData?: unknown } = {}) {
  return {
    staticHandlerContext: {
      matches: [{ route: { id: 'root' } }, { route: { id: 'routes/dashboard' } }],
      loaderData,
      actionData: options.actionData ?? null,
      errors: null,
    },
    routeModules: {
      root: {},
      'routes/dashboard': { handle: options.optIn === false ? undefined : { renderCache: true } },
    },
  } as unknown as Context
}

const get = (url = 'http://localhost/app/engagements/e1') => new Request(url)
const data = { root: null, 'routes/dashboard': { vendors: [{ id: 'v1', score: 80, decision: null }] } }

describe('the render memo key', () => {
  test('is the same for the same URL, data and day, and changes when any of them changes', () => {
    const key = renderCacheKey(get(), 200, context(data), '2026-11-30')
    expect(key).toBeTypeOf('string')
    expect(renderCacheKey(get(), 200, context(structuredClone(data)), '2026-11-30')).toBe(key)

    const decided = { ...data, 'routes/dashboard': { vendors: [{ id: 'v1', score: 80, decision: 'approved' }] } }
    expect(renderCacheKey(get(), 200, context(decided), '2026-11-30')).not.toBe(key)
    expect(
      renderCacheKey(get('http://localhost/app/engagements/e1?page=2'), 200, context(data), '2026-11-30'),
    ).not.toBe(key)
    expect(renderCacheKey(get(), 200, context(data), '2026-12-01')).not.toBe(key)
    // A value present but undefined is not the same data as a value absent.
    const withUndefined = { ...data, 'routes/dashboard': { vendors: [{ id: 'v1', score: 80, decision: undefined }] } }
    const without = { ...data, 'routes/dashboard': { vendors: [{ id: 'v1', score: 80 }] } }
    expect(renderCacheKey(get(), 200, context(withUndefined), '2026-11-30')).not.toBe(
      renderCacheKey(get(), 200, context(without), '2026-11-30'),
    )
  })

  test('is withheld from pages that did not opt in, from posts, errors and action data, and from data JSON cannot hold', () => {
    expect(renderCacheKey(get(), 200, context(data, { optIn: false }))).toBeUndefined()
    expect(renderCacheKey(new Request('http://localhost/x', { method: 'POST' }), 200, context(data))).toBeUndefined()
    expect(renderCacheKey(get(), 404, context(data))).toBeUndefined()
    expect(
      renderCacheKey(get(), 200, context(data, { actionData: { 'routes/dashboard': { ok: true } } })),
    ).toBeUndefined()
    expect(renderCacheKey(get(), 200, context({ ...data, extra: new Map([['a', 1]]) }))).toBeUndefined()
    expect(renderCacheKey(get(), 200, context({ ...data, extra: new Set([1]) }))).toBeUndefined()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(renderCacheKey(get(), 200, context({ ...data, extra: cyclic }))).toBeUndefined()
  })
})

describe('the memoised HTML', () => {
  beforeEach(() => clearRenderCache())

  async function render(key: string, nonce: string, html: string, failed = false) {
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk)
        callback()
      },
    })
    await pipeline(
      Readable.from([Buffer.from(html.slice(0, 10)), Buffer.from(html.slice(10))]),
      renderSink(key, nonce, () => failed),
      sink,
    )
    return Buffer.concat(chunks).toString('utf8')
  }

  test('keeps a page the second time it is rendered, then serves it with the next request nonce in place of its own', async () => {
    const html =
      '<script nonce="first-nonce-AAAA">1</script><p>Décision: approuvé</p><script nonce="first-nonce-AAAA">2</script>'
    // A view rendered once is passed through and not kept (most are never asked for again).
    expect(await render('k1', 'zeroth-nonce-ZZZZ', html.replaceAll('first-nonce-AAAA', 'zeroth-nonce-ZZZZ'))).toContain(
      'zeroth-nonce-ZZZZ',
    )
    expect(memoisedHtml('k1', 'first-nonce-AAAA')).toBeUndefined()
    expect(await render('k1', 'first-nonce-AAAA', html)).toBe(html)
    const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8')
    expect(text(memoisedHtml('k1', 'second-nonce-BBBB'))).toBe(html.replaceAll('first-nonce-AAAA', 'second-nonce-BBBB'))
    expect(text(memoisedHtml('k1', 'first-nonce-AAAA'))).toBe(html)
    expect(memoisedHtml('other', 'second-nonce-BBBB')).toBeUndefined()
  })

  test('keeps nothing from a render that reported an error', async () => {
    await render('k2', 'n', '<p>half a page</p>')
    await render('k2', 'n', '<p>half a page</p>', true)
    expect(memoisedHtml('k2', 'n2')).toBeUndefined()
  })
})
