import { afterAll, beforeAll, expect, test } from 'vitest'
import { createOrganisation } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: 'production', APP_URL: 'https://shoreline.example.com' })
})
afterAll(async () => {
  await server.close()
})

test('in production the session cookie is Secure, HttpOnly and SameSite=Lax, and no demo login is seeded', async () => {
  const org = await createOrganisation()
  const client = new BrowserClient(server.baseUrl)
  const response = await client.post('/login', { email: org.email, password: org.password })
  expect(response.status).toBe(302)
  const cookie = response.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/; Secure/i)
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Lax/i)
  const demo = await new BrowserClient(server.baseUrl).post('/login', {
    email: 'admin@demo.shoreline.test',
    password: 'shoreline-demo',
  })
  expect(demo.status).toBe(401)
})

test('in production the language cookie is Secure too', async () => {
  const response = await new BrowserClient(server.baseUrl).post('/v/language', { lang: 'es', redirectTo: '/v' })
  expect(response.status).toBe(302)
  const cookie = response.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/^shoreline_lang=/)
  expect(cookie).toMatch(/; Secure/i)
})
