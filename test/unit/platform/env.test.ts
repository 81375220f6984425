import { describe, expect, test } from 'vitest'
import { ConfigError, parseEnv, parsePdfEnv } from '#app/env.server.ts'

const base = { NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(40) }

describe('configuration', () => {
  test('defaults: port 3000 and a SQLite file under data/', () => {
    const env = parseEnv(base)
    expect(env.port).toBe(3000)
    expect(env.databaseFile).toMatch(/data[/\\]shoreline\.sqlite$/)
    expect(env.smtpUrl).toBeUndefined()
  })

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ DATABASE_URL: 'postgres://db.example.com/shoreline' }, 'DATABASE_URL'],
  ])('a bad value (%o) is refused naming %s', (override, variable) => {
    expect(() => parseEnv({ ...base, ...override })).toThrowError(ConfigError)
    expect(() => parseEnv({ ...base, ...override })).toThrowError(new RegExp(`${variable}:`))
  })

  test('production requires SESSION_SECRET', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrowError(/SESSION_SECRET: required when NODE_ENV=production/)
  })

  test('empty strings count as unset', () => {
    expect(parseEnv({ ...base, PORT: '', SMTP_URL: '' }).port).toBe(3000)
  })
})

describe('links and proxies', () => {
  test('emailed links use APP_URL, else http://localhost:PORT, never anything from a request', () => {
    expect(parseEnv({ ...base, APP_URL: 'https://shoreline.example.com/' }).publicUrl).toBe(
      'https://shoreline.example.com',
    )
    expect(parseEnv({ ...base, PORT: '4100' }).publicUrl).toBe('http://localhost:4100')
  })

  test('production requires APP_URL', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) })).toThrowError(
      /APP_URL: required when NODE_ENV=production/,
    )
  })

  test.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['loopback, 10.0.0.0/8, fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
  ])('TRUST_PROXY=%j is %j', (value, expected) => {
    expect(parseEnv({ ...base, TRUST_PROXY: value }).trustProxy).toEqual(expected)
  })

  test.each([['true'], ['11'], ['proxy.example.com'], ['10.0.0.0/33'], ['10.0.0.1/8/2'], ['1.2.3']])(
    'TRUST_PROXY=%j is refused with a message',
    (value) => {
      expect(() => parseEnv({ ...base, TRUST_PROXY: value })).toThrowError(/TRUST_PROXY: /)
    },
  )
})

describe('PDF rendering configuration', () => {
  test('unset: the pool sizes itself, and a render may take 30 s', () => {
    expect(parsePdfEnv({})).toEqual({ workers: undefined, timeoutMs: 30_000 })
    expect(parsePdfEnv({ PDF_WORKERS: '', PDF_TIMEOUT_MS: '' })).toEqual({ workers: undefined, timeoutMs: 30_000 })
    expect(parsePdfEnv({ PDF_WORKERS: '2', PDF_TIMEOUT_MS: '5000' })).toEqual({ workers: 2, timeoutMs: 5000 })
  })

  test.each([
    [{ PDF_WORKERS: 'two' }, 'PDF_WORKERS'],
    [{ PDF_WORKERS: '0' }, 'PDF_WORKERS'],
    [{ PDF_WORKERS: '1.5' }, 'PDF_WORKERS'],
    [{ PDF_TIMEOUT_MS: '30s' }, 'PDF_TIMEOUT_MS'],
    [{ PDF_TIMEOUT_MS: '-1' }, 'PDF_TIMEOUT_MS'],
  ])('a bad value (%o) is refused naming %s, instead of silently falling back', (source, variable) => {
    expect(() => parsePdfEnv(source)).toThrowError(ConfigError)
    expect(() => parsePdfEnv(source)).toThrowError(new RegExp(`${variable}:`))
  })
})
