import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import type { AppetiteJudgement } from '../appetite/judgement.ts'
import { type SuggestionView, suggestionViews, type VendorLine, vendorLine } from '../appetite/vendor-line.ts'
import { type CertificateStatus, certificateStatus } from '../assessment/certificates.ts'
import {
  type Assessment,
  applicableRegimeIds,
  type Finding,
  REGIME_NAMES,
  type RegimeStatus,
  type Verdict,
} from '../assessment/engine.ts'
import { SEVERITIES, type Severity } from '../assessment/regime-pack.ts'
import { DECISION_LABELS, type DecisionRecord } from '../decisions/decision.ts'
import { DATA_CATEGORY_INFO, INDUSTRY_LABELS, PURPOSE_LABELS, profileFlagLines } from '../engagements/profile-form.ts'
import type { LocationClass } from '../geography/location-class.ts'
import { type CertificationAnswer, questionsById } from '../questionnaire/answers.ts'
import type { Question, QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { visibleQuestionIds } from '../questionnaire/visibility.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'
import { type AcceptanceRecord, acceptanceText, activeAcceptancesByRule } from '../remediation/acceptance.ts'
import { ITEM_STATE_LABELS, type ItemState } from '../remediation/remediation.ts'
import { type DecisiveRule, dayInWords } from '../responses/reassessment.ts'
import { LOCATION_LABELS, locationLabel } from '../vocabulary/location-class.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import { answerText, buyerQuestion, certificationTypeLabel, countryText, NOT_ANSWERED } from './answer-text.ts'

/**
 * The vendor report as a view model: everything the report page, its PDF and its CSV show, built
 * from the stored assessment (never re-running the engine: the report says what was decided on),
 * the questionnaire definition and the vendor's answers. Pure and serialisable, so the same model
 * crosses into the PDF worker.
 */

export const REGIME_STATUS_LABELS: Record<RegimeStatus, string> = {
  compliant: 'Compliant',
  conditional: 'Conditional',
  'non-compliant': 'Non-compliant',
}
const SEVERITY_LABELS: Record<Severity, string> = {
  blocker: 'Blocker',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
}
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring soon',
  stale: 'Out of date',
  expired: 'Expired',
  invalid: 'Not valid',
}
const CONDITION_KIND_LABELS = { mechanism: 'Transfer mechanism', approval: 'Government approval' } as const

export type AnswerRecord = { questionId: string; value: unknown; version: number; updatedAt: string }
export type EvidenceRecord = { id: string; questionId: string; fileName: string; size: number }

export type ReportInput = {
  engagement: { id: string; name: string }
  profile: Profile
  vendor: {
    invitationId: string
    company: string
    country: string
    contactName: string
    contactEmail: string
    status: string
    submittedAt: string | null
  }
  questionnaire: QuestionnaireDefinition | undefined
  answers: readonly AnswerRecord[]
  evidence: readonly EvidenceRecord[]
  /** The current assessment (result_json), or undefined when the vendor has not submitted. */
  assessment: Assessment | undefined
  /** What the engagement's risk policy made of it, as stored with it (issue 14). */
  appetite?: StoredAppetite
  /** Newest first; the first is the current decision. */
  decisions: readonly DecisionRecord[]
  /** When a rules release changed the verdict of the current assessment: how and why. */
  verdictChange?: {
    at: string
    from: { verdict: Verdict }
    to: { verdict: Verdict; rules: string; engine: string }
  } & {
    because: readonly DecisiveRule[]
  }
  /** YYYY-MM-DD: the day the report is produced (certificates are also judged as of this day). */
  today: string
  /** Risk acceptances of this vendor (any state); those holding `today` show with their finding. */
  acceptances?: readonly AcceptanceRecord[]
  /** Remediation requests sent to this vendor, newest first, with each item's state and reply. */
  remediation?: readonly RemediationInput[]
}

export type RemediationInput = {
  id: string
  createdAt: string
  dueOn: string
  status: 'open' | 'closed'
  items: {
    ruleId: string
    finding: { message: string; citation: string; severity: string }
    state: ItemState
    replyKind: 'changed' | 'will-fix' | 'dispute' | null
    replyText: string | null
    fixBy: string | null
  }[]
}

export type ReportRemediationRequest = {
  id: string
  sentOn: string
  dueOn: string
  statusLabel: string
  items: { ruleId: string; message: string; citation: string; state: ItemState; stateLabel: string; reply: string }[]
}

export type TriggeringAnswer = { questionId: string; prompt: string; answer: string }
export type ReportFinding = {
  ruleId: string
  regime: RegimeId
  severity: Severity
  severityLabel: string
  citation: string
  message: string
  remediation: string
  unverified: boolean
  triggeredBy: TriggeringAnswer[]
  /** "Not asked in v1": the finding rests on questions the vendor's questionnaire version never asked. */
  notAskedLabel: string | undefined
  /** "Risk accepted until … by …: …" while an acceptance of this finding holds on the report's day. */
  acceptance: string | undefined
}
/**
 * Questions the current rules read that the vendor's (older) questionnaire version never asked: the
 * engine fails safe on them (never a better verdict for a question not asked), and the report says
 * so in words, naming the questions, so nobody reads the finding as something the vendor said.
 */
export type NotAskedSummary = { text: string; questions: { id: string; prompt: string }[] }
/** A verdict a rules release changed, in words: what it was, what it is, and the rules behind it. */
export type ReportVerdictChange = {
  text: string
  reasons: { ruleId: string; text: string }[]
}
export type ReportCondition = {
  id: string
  regime: RegimeId
  regimeName: string
  kind: 'mechanism' | 'approval'
  kindLabel: string
  citation: string
  text: string
  remediation: string
}
export type ReportRegime = {
  id: RegimeId
  name: string
  status: RegimeStatus
  statusLabel: string
  findings: ReportFinding[]
  conditions: ReportCondition[]
}
export type ReportCertificate = {
  type: string
  label: string
  edition: string | undefined
  issued: string
  expires: string | undefined
  atAssessment: { status: CertificateStatus; label: string; reason: string }
  today: { status: CertificateStatus; label: string; reason: string }
  evidence: { id: string; fileName: string } | undefined
}
type ReportAnswer = {
  questionId: string
  prompt: string
  answer: string
  answered: boolean
  evidence: { id: string; fileName: string }[]
  version: number | undefined
  updatedAt: string | undefined
}
export type ReportAnswerSection = { id: string; title: string; answers: ReportAnswer[] }
export type ProfileSummary = {
  homeCountry: string
  industry: string
  dataCategories: string[]
  flags: string[]
  purposes: string[]
  /** One line for covers and headers. */
  line: string
}
export type ReportDecision = DecisionRecord & { label: string }

/** The stored columns and judgement of an assessment (the judgement is missing on older ones). */
export type StoredAppetite = { action: string | null; judgement: AppetiteJudgement | undefined }

/** The risk part of a report: the vendor's line, and what would change it. */
export type ReportAppetite = {
  line: VendorLine
  /** The appetite the assessment was judged against, and the rules it raised that fired. */
  appetite: string | undefined
  raised: string[]
  /** Undefined when the assessment was made before suggestions were stored. */
  suggestions: SuggestionView[] | undefined
}

/** The line and suggestions of a stored assessment (vendor report, comparison and their PDFs). */
export function reportAppetite(assessment: Assessment, stored: StoredAppetite | undefined): ReportAppetite {
  const judgement = stored?.judgement
  return {
    line: vendorLine({
      verdict: assessment.verdict,
      model: assessment.recommendation.model,
      residualRisk: assessment.residualRisk,
      action: judgement?.action ?? stored?.action,
      reason: judgement?.reason,
    }),
    appetite: judgement?.policy.appetite,
    raised: judgement?.raised ?? [],
    suggestions: judgement ? suggestionViews(judgement.suggestions) : undefined,
  }
}

export type VendorReport = {
  engagement: { id: string; name: string }
  profile: ProfileSummary
  vendor: ReportInput['vendor'] & { countryName: string }
  generatedOn: string
  /** Undefined when the vendor has not submitted (no assessment yet): `notAssessed` says why. */
  assessment:
    | {
        verdict: Verdict
        verdictLabel: string
        score: number
        locationClass: LocationClass
        locationLabel: string
        model: LocationClass
        modelLabel: string
        reasons: string[]
        asOf: string
        engineVersion: string
        rulesVersion: string
        questionnaire: { id: string; version: number }
        applicableRegimes: string[]
        countriesReached: string[]
        sections: { id: string; title: string; score: number }[]
        severityCounts: Record<Severity, number>
        regimes: ReportRegime[]
        /** Every finding, blocker first (the order of the regimes, then severity). */
        findings: ReportFinding[]
        conditions: ReportCondition[]
        certificates: ReportCertificate[]
        warnings: string[]
        risk: ReportAppetite
        notAsked: NotAskedSummary | undefined
        verdictChange: ReportVerdictChange | undefined
      }
    | undefined
  notAssessed: string | undefined
  answerSections: ReportAnswerSection[]
  answeredCount: number
  decision: ReportDecision | undefined
  decisionHistory: ReportDecision[]
  /** Requested changes and their outcomes, newest first. */
  remediation: ReportRemediationRequest[]
}

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]))
const STATUS_RANK: Record<RegimeStatus, number> = { 'non-compliant': 0, conditional: 1, compliant: 2 }

function compareFindings(a: Pick<Finding, 'severity' | 'ruleId'>, b: Pick<Finding, 'severity' | 'ruleId'>) {
  const bySeverity = (SEVERITY_RANK.get(a.severity) ?? 9) - (SEVERITY_RANK.get(b.severity) ?? 9)
  return bySeverity !== 0 ? bySeverity : a.ruleId.localeCompare(b.ruleId)
}

export function regimeName(id: RegimeId): string {
  return REGIME_NAMES[id] ?? id
}

export function summariseProfile(profile: Profile): ProfileSummary {
  const dataCategories = profile.dataCategories.map((c) => DATA_CATEGORY_INFO[c]?.label ?? c)
  const flags = profileFlagLines(profile)
  const purposes = profile.purposes.map((p) => PURPOSE_LABELS[p] ?? p)
  const industry = INDUSTRY_LABELS[profile.industry] ?? profile.industry
  const homeCountry = countryText(profile.homeCountry)
  const line = `${industry} buyer in ${homeCountry}; data: ${dataCategories.length ? dataCategories.join(', ') : 'no regulated categories'}`
  return { homeCountry, industry, dataCategories, flags, purposes, line }
}

function decisionView(record: DecisionRecord): ReportDecision {
  return { ...record, label: DECISION_LABELS[record.decision] }
}

/**
 * Builds the report. Never throws on missing pieces: a vendor that has not submitted gets a report
 * that says so and still lists what it has answered.
 *
 * @example buildVendorReport({ engagement, profile, vendor, questionnaire, answers, evidence,
 *   assessment: JSON.parse(row.result_json), decisions, today: '2026-11-29' }).assessment?.verdictLabel
 */
export function buildVendorReport(input: ReportInput): VendorReport {
  const { questionnaire, assessment } = input
  const questions = questionnaire ? questionsById(questionnaire) : new Map<string, Question>()
  const answerById = new Map(input.answers.map((a) => [a.questionId, a]))
  const fileNames = new Map(input.evidence.map((e) => [e.id, e.fileName]))
  const evidenceByQuestion = new Map<string, { id: string; fileName: string }[]>()
  for (const e of input.evidence) {
    const list = evidenceByQuestion.get(e.questionId) ?? []
    list.push({ id: e.id, fileName: e.fileName })
    evidenceByQuestion.set(e.questionId, list)
  }
  const textOf = (questionId: string) =>
    answerText(questions.get(questionId), answerById.get(questionId)?.value, fileNames)

  const answerSections = buildAnswerSections(input, questions, answerById, evidenceByQuestion, textOf)
  const decisions = input.decisions.map(decisionView)
  const base = {
    engagement: input.engagement,
    profile: summariseProfile(input.profile),
    vendor: { ...input.vendor, countryName: countryText(input.vendor.country) },
    generatedOn: input.today,
    answerSections,
    answeredCount: input.answers.length,
    decision: decisions[0],
    decisionHistory: decisions,
    remediation: (input.remediation ?? []).map(remediationView),
  }
  if (!assessment) {
    return {
      ...base,
      assessment: undefined,
      notAssessed:
        input.vendor.submittedAt === null
          ? 'This vendor has not submitted its answers yet, so it has no assessment: no verdict, score or findings.'
          : 'This vendor’s answers have no assessment yet.',
    }
  }

  // Questions the vendor's questionnaire version never asked read from the version that does.
  const newest = getQuestionnaire(assessment.questionnaire.id)
  const newestQuestions = newest ? questionsById(newest) : new Map<string, Question>()
  const version = `${assessment.questionnaire.id} v${assessment.questionnaire.version}`
  const notAskedLabel = `Not asked in v${assessment.questionnaire.version}`
  const notAskedIds = new Set([...assessment.findings, ...assessment.conditions].flatMap((x) => x.notAsked ?? []))
  // In the third person: the report is the buyer's (buyerQuestion).
  const promptOrNewer = (questionId: string) => {
    const prompt =
      questions.get(questionId)?.prompt.en ??
      (notAskedIds.has(questionId) ? newestQuestions.get(questionId)?.prompt.en : undefined)
    return prompt === undefined ? questionId : buyerQuestion(prompt)
  }
  const accepted = activeAcceptancesByRule(input.acceptances ?? [], input.today)
  const toFinding = (f: Finding): ReportFinding => ({
    ruleId: f.ruleId,
    regime: f.regime,
    severity: f.severity,
    severityLabel: SEVERITY_LABELS[f.severity],
    citation: f.citation,
    message: f.message,
    remediation: f.remediation,
    unverified: f.unverified === true,
    triggeredBy: f.questionIds.map((questionId) => ({
      questionId,
      prompt: promptOrNewer(questionId),
      answer: notAskedIds.has(questionId) ? `Not asked in this questionnaire version (${version})` : textOf(questionId),
    })),
    notAskedLabel: f.notAsked?.length ? notAskedLabel : undefined,
    acceptance: accepted.has(f.ruleId) ? acceptanceText(accepted.get(f.ruleId)!) : undefined,
  })
  const conditions: ReportCondition[] = assessment.conditions.map((c) => ({
    id: c.id,
    regime: c.regime,
    regimeName: regimeName(c.regime),
    kind: c.kind,
    kindLabel: CONDITION_KIND_LABELS[c.kind],
    citation: c.citation,
    text: c.text,
    remediation: c.remediation,
  }))

  // Every regime that applies, plus any a finding names (defensive: an old result could differ).
  const statusById = new Map(assessment.regimes.map((r) => [r.id, r.status]))
  const regimeIds = new Set<RegimeId>([
    ...assessment.applicableRegimes,
    ...assessment.regimes.map((r) => r.id),
    ...assessment.findings.map((f) => f.regime),
    ...assessment.conditions.map((c) => c.regime),
  ])
  const regimes: ReportRegime[] = [...regimeIds]
    .map((id) => {
      const status = statusById.get(id) ?? 'compliant'
      return {
        id,
        name: regimeName(id),
        status,
        statusLabel: REGIME_STATUS_LABELS[status],
        findings: assessment.findings
          .filter((f) => f.regime === id)
          .sort(compareFindings)
          .map(toFinding),
        conditions: conditions.filter((c) => c.regime === id),
      }
    })
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name))

  const severityCounts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
  for (const f of assessment.findings) severityCounts[f.severity] += 1

  return {
    ...base,
    notAssessed: undefined,
    assessment: {
      verdict: assessment.verdict,
      verdictLabel: VERDICT_LABELS[assessment.verdict],
      score: assessment.score,
      locationClass: assessment.locationClass,
      locationLabel: locationLabel(
        assessment.locationClass,
        input.profile.homeCountry,
        assessment.countriesReached ?? [],
      ),
      model: assessment.recommendation.model,
      modelLabel: LOCATION_LABELS[assessment.recommendation.model],
      reasons: assessment.recommendation.reasons,
      asOf: assessment.asOf,
      engineVersion: assessment.engine.version,
      rulesVersion: assessment.engine.rules,
      questionnaire: assessment.questionnaire,
      applicableRegimes: assessment.applicableRegimes.map(regimeName),
      countriesReached: (assessment.countriesReached ?? []).map(countryText),
      sections: assessment.sections.map((s) => ({ id: s.id, title: s.title, score: s.score })),
      severityCounts,
      regimes,
      findings: regimes.flatMap((r) => r.findings),
      conditions,
      certificates: buildCertificates(input, assessment, questions, fileNames),
      warnings: assessment.warnings ?? [],
      risk: reportAppetite(assessment, input.appetite),
      verdictChange: input.verdictChange ? describeChange(input.verdictChange, assessment) : undefined,
      notAsked: notAskedIds.size
        ? {
            text: `This vendor answered questionnaire ${version}, which did not ask ${notAskedIds.size === 1 ? 'a question' : `${notAskedIds.size} questions`} that rules ${assessment.engine.rules} read. Until the vendor answers ${notAskedIds.size === 1 ? 'it' : 'them'}, Shoreline assumes the answer that fails each rule, so the findings marked “${notAskedLabel}” say what is unknown, not what the vendor does. Ask ${notAskedIds.size === 1 ? 'it' : 'them'} in a remediation request${newest && newest.version > assessment.questionnaire.version ? ` (questionnaire v${newest.version} asks ${notAskedIds.size === 1 ? 'it' : 'them'})` : ''}.`,
            questions: [...notAskedIds].map((id) => ({ id, prompt: promptOrNewer(id) })),
          }
        : undefined,
    },
  }
}

function describeChange(
  change: NonNullable<ReportInput['verdictChange']>,
  assessment: Assessment,
): ReportVerdictChange {
  const messages = new Map<string, string>([
    ...assessment.findings.map((f): [string, string] => [f.ruleId, f.message]),
    ...assessment.conditions.map((c): [string, string] => [c.id, c.text]),
  ])
  return {
    text: `On ${dayInWords(change.at)} Shoreline re-assessed this vendor under rules release ${change.to.rules} (engine ${change.to.engine}): the verdict changed from ${VERDICT_LABELS[change.from.verdict]} to ${VERDICT_LABELS[change.to.verdict]}. The answers did not change; the law the rules apply did.`,
    reasons: change.because.map((rule) => ({
      ruleId: rule.id,
      text: rule.fires
        ? `Now ${rule.kind === 'blocker' ? 'a blocker' : 'a condition'} (${rule.citation}): ${messages.get(rule.id) ?? rule.id}`
        : `No longer ${rule.kind === 'blocker' ? 'a blocker' : 'a condition'} (${rule.citation}): rule ${rule.id} no longer fires on these answers under these rules.`,
    })),
  }
}

/** What the vendor said about an item, in one line ("Disputed: …", "Will fix by …"). */
function replyText(item: RemediationInput['items'][number]): string {
  if (item.replyKind === 'dispute') return `Disputed: ${item.replyText ?? ''}`
  if (item.replyKind === 'will-fix') return `Will fix by ${item.fixBy ?? ''}`
  if (item.replyKind === 'changed') return 'Answers changed or evidence sent'
  return 'No reply yet'
}

function remediationView(request: RemediationInput): ReportRemediationRequest {
  return {
    id: request.id,
    sentOn: request.createdAt.slice(0, 10),
    dueOn: request.dueOn,
    statusLabel: request.status === 'open' ? 'Open' : 'Closed',
    items: request.items.map((item) => ({
      ruleId: item.ruleId,
      message: item.finding.message,
      citation: item.finding.citation,
      state: item.state,
      stateLabel: ITEM_STATE_LABELS[item.state],
      reply: replyText(item),
    })),
  }
}

function buildAnswerSections(
  input: ReportInput,
  questions: Map<string, Question>,
  answerById: Map<string, AnswerRecord>,
  evidenceByQuestion: Map<string, { id: string; fileName: string }[]>,
  textOf: (questionId: string) => string,
): ReportAnswerSection[] {
  // An answer shown as stored, under its question id: when no definition (or no question) knows it.
  const rawRow = (a: AnswerRecord): ReportAnswer => ({
    questionId: a.questionId,
    prompt: a.questionId,
    answer: textOf(a.questionId),
    answered: true,
    evidence: evidenceByQuestion.get(a.questionId) ?? [],
    version: a.version,
    updatedAt: a.updatedAt,
  })
  const questionnaire = input.questionnaire
  if (!questionnaire) {
    // No definition installed for this response: still show the raw answers, readable as possible.
    return input.answers.length
      ? [
          {
            id: 'answers',
            title: 'Answers',
            answers: input.answers.map(rawRow),
          },
        ]
      : []
  }
  const answers = Object.fromEntries(input.answers.map((a) => [a.questionId, a.value]))
  const visible = visibleQuestionIds(questionnaire, {
    answers,
    regimes: input.assessment?.applicableRegimes ?? applicableRegimeIds(input.profile, regimePacks),
    profile: input.profile,
  })
  const sections: ReportAnswerSection[] = []
  for (const section of questionnaire.sections) {
    const rows: ReportAnswer[] = []
    for (const question of section.questions) {
      const stored = answerById.get(question.id)
      const evidence = evidenceByQuestion.get(question.id) ?? []
      // Answered questions (and files) always show; unanswered ones only when the vendor was asked them.
      if (!stored && evidence.length === 0 && !visible.has(question.id)) continue
      rows.push({
        questionId: question.id,
        prompt: buyerQuestion(question.prompt.en),
        answer: stored
          ? textOf(question.id)
          : evidence.length
            ? evidence.map((e) => e.fileName).join(', ')
            : NOT_ANSWERED,
        answered: stored !== undefined || evidence.length > 0,
        evidence,
        version: stored?.version,
        updatedAt: stored?.updatedAt,
      })
    }
    if (rows.length) sections.push({ id: section.id, title: section.title.en, answers: rows })
  }
  // Answers to questions the definition does not know (should not happen) are not lost.
  const unknown = input.answers.filter((a) => !questions.has(a.questionId))
  if (unknown.length) {
    sections.push({
      id: 'other',
      title: 'Other answers',
      answers: unknown.map(rawRow),
    })
  }
  return sections
}

function buildCertificates(
  input: ReportInput,
  assessment: Assessment,
  questions: Map<string, Question>,
  fileNames: Map<string, string>,
): ReportCertificate[] {
  const question = questions.get('certifications.held')
  const held = input.answers.find((a) => a.questionId === 'certifications.held')?.value
  const certs: CertificationAnswer[] = Array.isArray(held)
    ? held.filter((c): c is CertificationAnswer => typeof c?.type === 'string' && typeof c?.issued === 'string')
    : []
  return certs.map((cert) => {
    const atAssessment = certificateStatus(cert, assessment.asOf)
    const today = certificateStatus(cert, input.today)
    const fileName = cert.evidenceId ? fileNames.get(cert.evidenceId) : undefined
    return {
      type: cert.type,
      label: certificationTypeLabel(cert.type, question),
      edition: cert.edition,
      issued: cert.issued,
      expires: cert.expires,
      atAssessment: {
        status: atAssessment.status,
        label: CERTIFICATE_STATUS_LABELS[atAssessment.status],
        reason: atAssessment.reason,
      },
      today: { status: today.status, label: CERTIFICATE_STATUS_LABELS[today.status], reason: today.reason },
      evidence: cert.evidenceId && fileName ? { id: cert.evidenceId, fileName } : undefined,
    }
  })
}
