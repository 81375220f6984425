import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { assess } from '../assessment/engine.ts'
import { type Condition, evaluateCondition, type FactCondition } from '../conditions/condition.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'
import type { Outlook, OutlookCarveOut, OutlookHeadline } from './outlook-types.ts'
import { VOLUME_FIELDS, type VolumeField } from './profile-form.ts'

export type { Outlook } from './outlook-types.ts'

/**
 * What a profile means before any vendor has answered: which regimes apply, and how far the work
 * may go. It runs the engine itself on an empty answer set — unanswered counts as "no", so every
 * location limit a vendor would have to earn its way out of (ITAR's encryption carve-out, say)
 * shows — and so says exactly what the vendor assessments will. Server-only in practice: the
 * profile pages ask /app/outlook for it (the engine and its packs stay out of the browser).
 */
export function profileOutlook(profile: Profile, asOf: string): Outlook {
  const { assessment } = assess({
    profile,
    questionnaire: coreQuestionnaire,
    answers: {},
    regimes: regimePacks,
    asOf,
  })
  const packs = new Map(regimePacks.map((pack) => [pack.id, pack]))
  const limits = assessment.recommendation.limits.map((limit) => ({
    regime: limit.regime,
    model: limit.model,
    reason: limit.reason,
    citation: limit.citation,
  }))
  const model = limits.some((l) => l.model === 'onshore') ? 'onshore' : limits.length > 0 ? 'nearshore' : 'offshore'
  // A regime "can rule a vendor out" when the engine, with nothing answered yet, has a blocker of
  // its own: the same findings every vendor starts from and must answer its way out of.
  const blocking = new Set(assessment.findings.filter((f) => f.severity === 'blocker').map((f) => f.regime))
  const regimes = assessment.applicableRegimes.map((id) => ({
    id,
    name: packs.get(id)?.name ?? id,
    summary: packs.get(id)?.summary ?? '',
    canRuleOut: blocking.has(id),
  }))
  return {
    regimes,
    model,
    limits,
    headline: headlineOf(model, limits, regimes),
    carveOuts: carveOutsFor(assessment.applicableRegimes),
    bulkProposal: bulkDataProposal(profile),
  }
}

const MODEL_TITLE: Record<Outlook['model'], string> = {
  offshore: 'Offshore is possible',
  nearshore: 'Nearshore at most',
  onshore: 'Onshore only',
}

/**
 * The headline above the outlook's paragraphs, made from the same data as they are: the limits
 * (each a paragraph) set the model, and the regimes that can rule a vendor out (each a paragraph
 * in "Laws that apply") are named, so it never says "no regime restricts" above one that does.
 */
export function headlineOf(
  model: Outlook['model'],
  limits: Outlook['limits'],
  regimes: Outlook['regimes'],
): OutlookHeadline {
  if (regimes.length === 0) {
    return {
      title: 'No regime applies',
      body: 'No regulated data selected: vendors are scored on their security posture only.',
      restrictingRegimes: [],
    }
  }
  const restricting = regimes.filter((r) => r.canRuleOut && !limits.some((l) => l.regime === r.id))
  const names = restricting.map((r) => shortName(r.name))
  const listed = names.length
    ? ` ${joinNames(names)} ${
        names.length === 1 ? 'sets' : 'set'
      } terms that can still rule a vendor out: see each below.`
    : ''
  const limitNames = joinNames([...new Set(limits.map((l) => l.regime.toUpperCase()))])
  const body =
    model === 'offshore'
      ? `No law here confines the work to your country or its region.${listed}`
      : model === 'nearshore'
        ? `${limitNames} keep${
            limits.length === 1 ? 's' : ''
          } the data within the home country or its territories unless a vendor qualifies for a carve-out.${listed}`
        : `${limitNames}: sending the data out of the home country needs a government approval.${listed}`
  return {
    title:
      model === 'offshore' && restricting.length ? `${MODEL_TITLE.offshore}, with restrictions` : MODEL_TITLE[model],
    body,
    restrictingRegimes: restricting.map((r) => r.id),
  }
}

/** "DOJ Data Security Program (28 CFR Part 202)" → "DOJ Data Security Program". */
function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '')
}
function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/**
 * Where one law carves out data another governs. California's CCPA steps back for data a federal
 * privacy law already covers; both laws then apply to the engagement, each to its own data.
 */
const CARVE_OUTS: Array<OutlookCarveOut & { when: [RegimeId, RegimeId] }> = [
  {
    when: ['ccpa', 'glba'],
    law: 'ccpa',
    yieldsTo: 'glba',
    text: 'The CCPA does not apply to personal information collected, processed, sold or disclosed under the Gramm-Leach-Bliley Act: customers’ financial information follows GLBA; other California consumers’ data stays under the CCPA (the breach right of action of 1798.150 still covers both).',
    citation: 'Cal. Civ. Code 1798.145(e)',
  },
  {
    when: ['ccpa', 'hipaa'],
    law: 'ccpa',
    yieldsTo: 'hipaa',
    text: 'The CCPA does not apply to protected health information collected by a covered entity or business associate under HIPAA: PHI follows HIPAA; other California consumers’ data stays under the CCPA.',
    citation: 'Cal. Civ. Code 1798.146(a)(1)',
  },
]

export function carveOutsFor(applicable: readonly RegimeId[]): OutlookCarveOut[] {
  return CARVE_OUTS.filter(({ when }) => when.every((id) => applicable.includes(id))).map(({ when: _, ...c }) => c)
}

const BULK_CATEGORY = 'us-sensitive-personal-data' as const

/**
 * The DOJ pack's bulk thresholds, read from its own applicability condition (28 CFR 202.205): each
 * `profile.volumes.<field> gt <n>` leaf. The pack stays the one source of the numbers.
 */
export function dojBulkThresholds(): Array<{
  field: VolumeField
  threshold: number
}> {
  const pack = regimePacks.find((p) => p.id === 'doj-dsp')
  if (!pack) return []
  const leaves: FactCondition[] = []
  const walk = (c: Condition) => {
    if ('all' in c) c.all.forEach(walk)
    else if ('any' in c) c.any.forEach(walk)
    else if ('not' in c) return
    else leaves.push(c)
  }
  walk(pack.appliesWhen)
  return leaves.flatMap((leaf) => {
    const field = leaf.fact.startsWith('profile.volumes.') ? leaf.fact.slice('profile.volumes.'.length) : ''
    return field in VOLUME_FIELDS && leaf.operator === 'gt' && typeof leaf.value === 'number'
      ? [{ field: field as VolumeField, threshold: leaf.value }]
      : []
  })
}

function readProfile(profile: Profile) {
  return (fact: string): unknown => {
    if (!fact.startsWith('profile.')) return undefined
    let node: unknown = profile
    for (const part of fact.slice('profile.'.length).split('.')) node = (node as Record<string, unknown>)?.[part]
    return node
  }
}

/**
 * A buyer who entered GLBA or HIPAA volumes above a DOJ bulk threshold, without ticking "US
 * sensitive personal data in bulk": the proposal to add it, with the volumes that cross. Only
 * when adding the category would bring the DOJ pack in (a US-home buyer), judged by the pack.
 */
export function bulkDataProposal(profile: Profile): Outlook['bulkProposal'] {
  if (profile.dataCategories.includes(BULK_CATEGORY)) return null
  const pack = regimePacks.find((p) => p.id === 'doj-dsp')
  if (!pack) return null
  const crossed = dojBulkThresholds().filter(({ field, threshold }) => (profile.volumes[field] ?? 0) > threshold)
  if (crossed.length === 0) return null
  const withCategory = {
    ...profile,
    dataCategories: [...profile.dataCategories, BULK_CATEGORY],
  }
  if (!evaluateCondition(pack.appliesWhen, readProfile(withCategory))) return null
  return {
    category: BULK_CATEGORY,
    crossed: crossed.map(({ field, threshold }) => ({
      field,
      label: VOLUME_FIELDS[field].label,
      count: profile.volumes[field] ?? 0,
      threshold,
    })),
    citation: '28 CFR 202.205',
  }
}
