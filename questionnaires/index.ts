import { parseRegimePack, type RegimePack } from '../app/assessment/regime-pack.ts'
import { geography } from '../app/geography/geography.ts'
import { type QuestionnaireDefinition, QuestionnaireDefinitionSchema } from '../app/questionnaire/definition.ts'
import crossBorderCoreV1 from './cross-border-core/v1.json'
import crossBorderCoreV2 from './cross-border-core/v2.json'
import ccpa from './regimes/ccpa.json'
import dfars from './regimes/dfars.json'
import dojDsp from './regimes/doj-dsp.json'
import ear from './regimes/ear.json'
import gdpr from './regimes/gdpr.json'
import glba from './regimes/glba.json'
import hipaa from './regimes/hipaa.json'
import itar from './regimes/itar.json'
import pciDss from './regimes/pci-dss.json'
import pipl from './regimes/pipl.json'
import sanctions from './regimes/sanctions.json'

/**
 * The static registry: every questionnaire version, regime pack and geography table, imported as
 * JSON (so it bundles for the browser; no fs) and validated with zod when the module loads. A bad
 * file fails loudly at start-up, naming the file and the JSON path.
 */

function parseQuestionnaire(file: string, raw: unknown): QuestionnaireDefinition {
  const result = QuestionnaireDefinitionSchema.safeParse(raw)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
}

export const questionnaires: readonly QuestionnaireDefinition[] = [
  parseQuestionnaire('questionnaires/cross-border-core/v1.json', crossBorderCoreV1),
  parseQuestionnaire('questionnaires/cross-border-core/v2.json', crossBorderCoreV2),
]

export function getQuestionnaire(id: string, version?: number): QuestionnaireDefinition | undefined {
  const matching = questionnaires.filter((q) => q.id === id && (version === undefined || q.version === version))
  return matching.sort((a, b) => b.version - a.version)[0]
}

/** The newest version of the core questionnaire: the CLI and the engine's tests use it by default. */
export const coreQuestionnaire: QuestionnaireDefinition = getQuestionnaire('cross-border-core')!

export const REGIME_FILES: Record<string, unknown> = {
  'questionnaires/regimes/ccpa.json': ccpa,
  'questionnaires/regimes/dfars.json': dfars,
  'questionnaires/regimes/doj-dsp.json': dojDsp,
  'questionnaires/regimes/ear.json': ear,
  'questionnaires/regimes/gdpr.json': gdpr,
  'questionnaires/regimes/glba.json': glba,
  'questionnaires/regimes/hipaa.json': hipaa,
  'questionnaires/regimes/itar.json': itar,
  'questionnaires/regimes/pci-dss.json': pciDss,
  'questionnaires/regimes/pipl.json': pipl,
  'questionnaires/regimes/sanctions.json': sanctions,
}

export const regimePacks: readonly RegimePack[] = Object.entries(REGIME_FILES)
  .map(([file, raw]) => {
    const pack = parseRegimePack(file, raw)
    if (!file.endsWith(`/${pack.id}.json`)) throw new Error(`${file}: id: "${pack.id}" does not match the file name`)
    return pack
  })
  .sort((a, b) => a.id.localeCompare(b.id))

export { geography }
