import { describe, expect, test } from 'vitest'
import { ConfigError, parseEnv } from '#app/env.server.ts'

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
