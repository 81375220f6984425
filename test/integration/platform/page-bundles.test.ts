import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { messagesFor } from '#app/i18n/messages.ts'

/**
 * What a page downloads and evaluates before it can paint and hydrate (issue 17, Lighthouse): the
 * client entry's modules and, for each route the URL matches, its module and static imports, as
 * the production build's Remix manifest lists them (the document preloads exactly these). Modules
 * a form loads on first use (`import()`) are not among them. Checked by content, so a module that
 * moves to another chunk is still found: zod by its class names, the vendor texts by their
 * Spanish words, the engine by its export-control note. README decision 87.
 */
const CLIENT = path.resolve('build/client')

type RouteEntry = { id: string; parentId?: string; module: string; imports?: string[] }
type RemixManifest = { entry: { module: string; imports: string[] }; routes: Record<string, RouteEntry> }

function manifest(): RemixManifest {
  const file = readdirSync(path.join(CLIENT, 'assets')).find((name) => /^manifest-[\w-]+\.js$/.test(name))
  if (!file) throw new Error('no Remix manifest in build/client/assets: run `npx remix vite:build` first')
  const source = readFileSync(path.join(CLIENT, 'assets', file), 'utf8')
  return JSON.parse(source.replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')) as RemixManifest
}

/** Every module the page preloads for `routeId` (and its parent routes), with its text. */
function firstLoad(routeId: string) {
  const { entry, routes } = manifest()
  const files = new Set([entry.module, ...entry.imports])
  for (let id: string | undefined = routeId; id; id = routes[id]?.parentId) {
    const route = routes[id]
    if (!route) throw new Error(`no route ${id} in the manifest`)
    files.add(route.module)
    for (const file of route.imports ?? []) files.add(file)
  }
  const modules = [...files].map((file) => ({ file, text: readFileSync(path.join(CLIENT, file), 'utf8') }))
  return {
    /** The modules that contain `needle` (by name, so a failure reads as a list of files). */
    holding: (needle: string) => modules.filter(({ text }) => text.includes(needle)).map(({ file }) => file),
  }
}

const ZOD = '$ZodObject'
/** Vendor texts only the Spanish dictionary holds (ASCII, so the minifier keeps them verbatim). */
const SPANISH = Object.values(messagesFor('es'))
  .filter((value): value is string => typeof value === 'string' && value.length >= 20 && /^[\x20-\x7e]+$/.test(value))
  .filter((value) => !Object.values(messagesFor('en')).includes(value))
  .slice(0, 3)
/** A sentence of the engine's export-control data (questionnaires/geography, bundled with the engine). */
const ENGINE = (
  JSON.parse(readFileSync(path.resolve('questionnaires/geography/export-controls.json'), 'utf8')) as { note: string }
).note.slice(0, 60)

/** react-hook-form (an option only it reads), downshift (the ids it gives a combobox), the country list (a Spanish name). */
const FORM_LIBRARIES = { reactHookForm: 'shouldUnregister', downshift: 'downshift-', countryNames: 'Alemania' }

/** The build's client files that hold `needle`. */
function assetsHolding(needle: string) {
  return readdirSync(path.join(CLIENT, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(path.join(CLIENT, 'assets', file), 'utf8').includes(needle))
}

test('the signatures this test looks for are in the build at all', () => {
  const section = firstLoad('routes/v.section.$sectionId')
  expect(SPANISH.length).toBeGreaterThan(0)
  // The vendor section validates with zod and speaks the vendor's language.
  expect(section.holding(ZOD)).not.toEqual([])
  for (const text of SPANISH) expect(section.holding(text)).not.toEqual([])
  // Some page still ships the engine's data (so its absence below means something).
  expect(assetsHolding(ENGINE)).not.toEqual([])
  for (const needle of Object.values(FORM_LIBRARIES)) expect(assetsHolding(needle)).not.toEqual([])
})

test('the login page loads neither zod and the account schemas nor the vendor texts before it hydrates', () => {
  const login = firstLoad('routes/login')
  expect(login.holding(ZOD)).toEqual([])
  for (const spanish of SPANISH) expect(login.holding(spanish)).toEqual([])
})

test('the signed-in layout (every buyer page) reads roles and permissions without zod', () => {
  expect(firstLoad('routes/app').holding(ZOD)).toEqual([])
})

test('the engagement profile loads neither zod nor the engine before it hydrates (its schemas come on first focus)', () => {
  const profile = firstLoad('routes/app.engagements.$engagementId.profile')
  expect(profile.holding(ZOD)).toEqual([])
  expect(profile.holding(ENGINE)).toEqual([])
  for (const spanish of SPANISH) expect(profile.holding(spanish)).toEqual([])
})

test('the engagement profile preloads none of its forms: react-hook-form, the country picker and the country list come with their module, fetched as the route runs (README decision 97)', () => {
  const profile = firstLoad('routes/app.engagements.$engagementId.profile')
  for (const needle of Object.values(FORM_LIBRARIES)) expect(profile.holding(needle)).toEqual([])
})
