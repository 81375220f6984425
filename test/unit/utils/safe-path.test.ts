import { afterEach, describe, expect, test } from 'vitest'
import { nestedFormValues } from '#app/utils/forms.ts'
import { getPath, setPath, UnsafePathError } from '#app/utils/safe-path.ts'

const form = (entries: [string, string][]) => {
  const data = new FormData()
  for (const [key, value] of entries) data.append(key, value)
  return data
}

const planted = () => ({}) as Record<string, unknown>

afterEach(() => {
  // Leave nothing behind, whatever a failing assertion left.
  for (const key of ['dodContractor', 'polluted', 'x']) delete (Object.prototype as Record<string, unknown>)[key]
})

describe('nested form values', () => {
  test('dotted names nest and repeated names become arrays', () => {
    const values = nestedFormValues(
      form([
        ['name', 'Coding'],
        ['profile.flags.dodContractor', 'on'],
        ['profile.dataCategories', 'phi'],
        ['profile.dataCategories', 'npi'],
      ]),
    )
    expect(JSON.parse(JSON.stringify(values))).toEqual({
      name: 'Coding',
      profile: { flags: { dodContractor: 'on' }, dataCategories: ['phi', 'npi'] },
    })
  })

  test.each([
    '__proto__.dodContractor',
    'profile.__proto__.dodContractor',
    'constructor.prototype.polluted',
    'profile.constructor.prototype.polluted',
    'prototype.x',
  ])('a field named %s is refused and reaches no prototype', (name) => {
    expect(() => nestedFormValues(form([[name, 'on']]))).toThrow(UnsafePathError)
    expect(planted().dodContractor).toBeUndefined()
    expect(planted().polluted).toBeUndefined()
    expect(planted().x).toBeUndefined()
  })

  test('the objects it builds have no prototype to inherit from', () => {
    const values = nestedFormValues(form([['profile.flags.dodContractor', 'on']]))
    expect(Object.getPrototypeOf(values)).toBeNull()
    expect(Object.getPrototypeOf(values.profile)).toBeNull()
  })
})

describe('setPath and getPath', () => {
  test('a plain target gets plain objects (react-hook-form clones only those)', () => {
    const values: Record<string, unknown> = {}
    setPath(values, 'certifications.held', [])
    expect(Object.getPrototypeOf(values.certifications)).toBe(Object.prototype)
    expect(getPath(values, 'certifications.held')).toEqual([])
  })

  test('getPath reads own properties only', () => {
    expect(getPath({}, 'constructor')).toBeUndefined()
    expect(getPath({ a: { toString: 1 } }, 'a.toString')).toBe(1)
    expect(getPath({ a: {} }, 'a.toString')).toBeUndefined()
  })

  test('a path through an inherited name makes an own object, not a write to the prototype', () => {
    const values: Record<string, unknown> = {}
    setPath(values, 'toString.x', 1)
    expect(getPath(values, 'toString.x')).toBe(1)
    expect(typeof Object.prototype.toString).toBe('function')
  })
})
