/**
 * Dotted names from a request (`profile.flags.dodContractor`, `certifications.held.0.type`) become
 * nested objects in a few places. A segment such as `__proto__`, `constructor` or `prototype`
 * would reach `Object.prototype` through the plain objects on the way and change every object in
 * the process (one POST of `__proto__.dodContractor=on` did). These helpers refuse those segments
 * and build objects without a prototype, so nothing a client sends can reach a shared prototype.
 */

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])

export class UnsafePathError extends Error {
  override name = 'UnsafePathError'
  constructor(readonly path: string) {
    super(`The field name "${path.slice(0, 80)}" is not allowed.`)
  }
}

/** True when no segment of the dotted path could reach an object's prototype. */
export function isSafePath(path: string): boolean {
  return path.split('.').every((segment) => !FORBIDDEN_SEGMENTS.has(segment))
}

/** A fresh object with no prototype: no key set on it can reach `Object.prototype`. */
export function emptyRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * Sets `value` at the dotted `path` inside `target`, creating objects on the way of the same kind
 * as `target` (prototype-less under an `emptyRecord()`, plain ones for react-hook-form's values).
 * Throws `UnsafePathError` for a path with a forbidden segment; an existing non-object on the way
 * is replaced by an object (the later, deeper field wins, as with repeated form names).
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (!isSafePath(path)) throw new UnsafePathError(path)
  const prototypeLess = Object.getPrototypeOf(target) === null
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined
    if (next === null || typeof next !== 'object') node[key] = prototypeLess ? emptyRecord() : {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1] as string] = value
}

/** Reads a dotted path through own properties only (never a prototype's). */
export function getPath(values: unknown, path: string): unknown {
  let current = values
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}
