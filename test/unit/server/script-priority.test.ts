import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { expect, test } from 'vitest'
import { lowPriorityScripts } from '#app/server/script-priority.server.ts'

/** The page as React might stream it: cut into `pieces` at the given offsets. */
function streamed(html: string, cuts: number[]) {
  const bytes = Buffer.from(html)
  const pieces = [0, ...cuts, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i ? ends[i - 1] : 0, end))
  return text(Readable.from(pieces).pipe(lowPriorityScripts()))
}

const PAGE =
  '<!DOCTYPE html><html lang="es"><head><link rel="stylesheet" href="/assets/app.css"/></head><body>' +
  '<p>Años</p>' +
  '<link rel="modulepreload" href="/assets/entry.client.js"/><link rel="modulepreload" href="/assets/root.js"/>' +
  '<script nonce="n" type="module" async="">import "/assets/root.js"</script></body></html>'

const EXPECTED = PAGE.replaceAll('<link rel="modulepreload"', '<link rel="modulepreload" fetchpriority="low"')

test('every script preload of a page is marked low priority, and nothing else changes', async () => {
  expect(await streamed(PAGE, [])).toBe(EXPECTED)
  expect(EXPECTED.match(/fetchpriority="low"/g)).toHaveLength(2)
  expect(EXPECTED).toContain('<link rel="stylesheet" href="/assets/app.css"/>')
})

test('a tag cut across two chunks anywhere (even inside a multi-byte letter before it) is still marked', async () => {
  const length = Buffer.byteLength(PAGE)
  for (let cut = 1; cut < length; cut++) expect(await streamed(PAGE, [cut])).toBe(EXPECTED)
  // Three chunks, the tag's name split twice.
  const at = Buffer.from(PAGE).indexOf('<link rel="modulepreload" href')
  expect(await streamed(PAGE, [at + 3, at + 12])).toBe(EXPECTED)
})

test('a page that ends on what could begin the tag loses nothing', async () => {
  expect(await streamed('<p>x</p><link rel="modu', [10])).toBe('<p>x</p><link rel="modu')
})
