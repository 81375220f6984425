import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

/**
 * Every page loads the root route's modules before it can hydrate (Lighthouse's total blocking
 * time, issue 17): they must not pull in zod's schemas, the country picker or the country list,
 * which only forms need, nor the vendor area's texts. Follows the root's value imports (type-only imports are erased).
 */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const specifiers: string[] = []
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)'/gms)) {
    const clause = match[1] ?? ''
    // `import { type A, type B } from` brings in no value either.
    if (
      /^\{[^}]*\}$/s.test(clause.trim()) &&
      clause
        .replace(/[{}\s]/g, '')
        .split(',')
        .filter(Boolean)
        .every((name) => name.startsWith('type'))
    )
      continue
    specifiers.push(match[2] as string)
  }
  for (const match of source.matchAll(/^import\s+'([^']+)'/gm)) specifiers.push(match[1] as string)
  return specifiers
}

function resolve(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('#app/')) return path.resolve('app', specifier.slice(5))
  if (specifier.startsWith('.')) return path.resolve(path.dirname(from), specifier)
  return undefined
}

function reachable(entry: string) {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const specifier of valueImports(file)) {
      if (specifier.includes('?url')) continue
      const target = resolve(file, specifier)
      if (target) visit(target)
      else packages.add(specifier)
    }
  }
  visit(path.resolve(entry))
  return { files: [...files].map((file) => path.relative('.', file)), packages: [...packages] }
}

test("the root route's modules load no form schemas, country picker, country list or vendor texts", () => {
  const { files, packages } = reachable('app/root.tsx')
  expect(files).toContain('app/i18n/use-locale.tsx')
  // Every vendor text in three languages (15 KiB compressed): the vendor pages' own (README decision 87).
  expect(files).not.toContain('app/i18n/messages.ts')
  expect(packages).not.toContain('zod')
  expect(packages).not.toContain('downshift')
  expect(files).not.toContain('app/components/country-picker.tsx')
  expect(files).not.toContain('app/geography/countries.ts')
  expect(files).not.toContain('app/questionnaire/definition.ts')
})

test('the invitation panel (on every vendor report) shows statuses without the invitation forms', () => {
  const { files, packages } = reachable('app/invitations/invitation-panel.tsx')
  expect(files).not.toContain('app/invitations/invitation.ts')
  expect(packages).not.toContain('papaparse')
  expect(files).not.toContain('app/geography/countries.ts')
})

test('the appetite policy (profile page, dashboard) orders risks without the engine', () => {
  const { files } = reachable('app/appetite/policy.ts')
  expect(files).not.toContain('app/assessment/engine.ts')
})
