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
