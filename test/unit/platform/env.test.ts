import { describe, expect, test } from 'vitest'
import { ConfigError, maskDatabaseUrl, parseEnv, parsePdfEnv } from '#app/env.server.ts'

const base = { NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(40) }

describe('configuration', () => {
  test('defaults: port 3000 and a SQLite file under data/', () => {
    const env = parseEnv(base)
    expect(env.port).toBe(3000)
    expect(env.database).toEqual({ dialect: 'sqlite', file: expect.stringMatching(/data[/\\]shoreline\.sqlite$/) })
    expect(env.smtpUrl).toBeUndefined()
  })

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ DATABASE_URL: 'mysql://db.example.com/shoreline' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db.example.com' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db.example.com/shoreline?sslmode=sometimes' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db.example.com/shoreline', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ JOB_TIMEOUT_SECONDS: 'soon' }, 'JOB_TIMEOUT_SECONDS'],
  ])('a bad value (%o) is refused naming %s', (override, variable) => {
    expect(() => parseEnv({ ...base, ...override })).toThrowError(ConfigError)
    expect(() => parseEnv({ ...base, ...override })).toThrowError(new RegExp(`${variable}:`))
  })

  test('a postgres:// URL selects PostgreSQL, with a pool of DATABASE_POOL_SIZE (10 by default)', () => {
    const url = 'postgres://shoreline:s3cret@db.example.com:5432/shoreline?sslmode=verify-full'
    expect(parseEnv({ ...base, DATABASE_URL: url }).database).toEqual({ dialect: 'postgres', url, poolSize: 10 })
    expect(parseEnv({ ...base, DATABASE_URL: url, DATABASE_POOL_SIZE: '25' }).database).toMatchObject({ poolSize: 25 })
    expect(parseEnv({ ...base, DATABASE_URL: 'postgresql://db/shoreline' }).database.dialect).toBe('postgres')
  })

  test('evidence goes to EVIDENCE_DIR, else beside the SQLite file, else data/evidence', () => {
    expect(parseEnv({ ...base, DATABASE_URL: '/srv/shoreline/db.sqlite' }).evidenceDir).toBe('/srv/shoreline/evidence')
    expect(parseEnv({ ...base, DATABASE_URL: 'postgres://db/shoreline' }).evidenceDir).toMatch(/data[/\\]evidence$/)
    expect(parseEnv({ ...base, EVIDENCE_DIR: '/mnt/shared/evidence' }).evidenceDir).toBe('/mnt/shared/evidence')
  })

  test('a database URL is shown with its password masked', () => {
    expect(maskDatabaseUrl('postgres://shoreline:s3cret@db.example.com:5432/shoreline')).toBe(
      'postgres://shoreline:***@db.example.com:5432/shoreline',
    )
    expect(maskDatabaseUrl('postgres://db.example.com/shoreline')).toBe('postgres://db.example.com/shoreline')
    expect(maskDatabaseUrl('file:./data/shoreline.sqlite')).toBe('file:./data/shoreline.sqlite')
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
