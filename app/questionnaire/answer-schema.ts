import { z } from 'zod'
import { isIsoDate } from '../assessment/dates.ts'
import { isCountryCode } from '../geography/countries.ts'
import type { CertificationAnswer } from './answers.ts'
import type { Question } from './definition.ts'

/**
 * The one generator of answer schemas from a questionnaire definition. The engine's validator
 * (`validateAnswers`, contract wording), the vendor form in the browser (react-hook-form's resolver,
 * the vendor's language) and the section POST on the server all use it, so a value the browser
 * accepts is one the server stores and the engine reads.
 *
 * Messages are a parameter: the contract's technical wording by default, plain words in the
 * vendor's language on the form.
 */
export type AnswerMessages = {
  notOneOf: (value: unknown, allowed: readonly string[]) => string
  notArrayOfChoices: () => string
  notCountry: (value: unknown) => string
  notArrayOfCountries: () => string
  notBoolean: (value: unknown) => string
  notInteger: (value: unknown) => string
  belowMinimum: (value: number, min: number) => string
  aboveMaximum: (value: number, max: number) => string
  notDate: (value: unknown) => string
  notString: (value: unknown) => string
  tooLong: (maxLength: number) => string
  notFileIds: () => string
  notCertificationList: () => string
  notObject: () => string
  notEdition: (value: unknown) => string
  notAssessor: (value: unknown) => string
  notCmmcStatus: (value: unknown) => string
  /** `assessor` or `status` on a certificate that is not a CMMC certificate. */
  cmmcFieldOnly: (key: string) => string
  expiresBeforeIssued: (expires: string, issued: string) => string
  unknownField: (key: string) => string
}

export { isIsoDate }

const show = (value: unknown) => JSON.stringify(value) ?? String(value)

export const CONTRACT_MESSAGES: AnswerMessages = {
  notOneOf: (value, allowed) => `${show(value)} is not one of ${allowed.join(', ')}`,
  notArrayOfChoices: () => 'must be an array of choices',
  notCountry: (value) => `${show(value)} is not an ISO 3166-1 alpha-2 country code`,
  notArrayOfCountries: () => 'must be an array of ISO 3166-1 alpha-2 country codes',
  notBoolean: (value) => `${show(value)} is not a boolean (true or false)`,
  notInteger: (value) => `${show(value)} is not an integer`,
  belowMinimum: (value, min) => `${value} is below the minimum ${min}`,
  aboveMaximum: (value, max) => `${value} is above the maximum ${max}`,
  notDate: (value) => `${show(value)} is not a YYYY-MM-DD date`,
  notString: (value) => `${show(value)} is not a string`,
  tooLong: (maxLength) => `is longer than ${maxLength} characters`,
  notFileIds: () => 'must be an array of evidence file ids',
  notCertificationList: () => 'must be an array of certifications',
  notObject: () => 'must be an object',
  notEdition: (value) => `${show(value)} is not one of 2013, 2022`,
  notAssessor: (value) => `${show(value)} is not one of self, c3pao, dibcac`,
  notCmmcStatus: (value) => `${show(value)} is not one of final, conditional`,
  cmmcFieldOnly: (key) => `only a CMMC certificate (cmmc-l1, cmmc-l2, cmmc-l3) has "${key}"`,
  expiresBeforeIssued: (expires, issued) => `expires ${expires} is before issued ${issued}`,
  unknownField: (key) => `unknown field "${key}"`,
}

export const CERTIFICATE_EDITIONS = ['2013', '2022'] as const
export const CMMC_ASSESSORS = ['self', 'c3pao', 'dibcac'] as const
export const CMMC_STATUSES = ['final', 'conditional'] as const
const CMMC_CERTIFICATE_TYPES: readonly string[] = ['cmmc-l1', 'cmmc-l2', 'cmmc-l3']

function oneOf(allowed: readonly string[], m: AnswerMessages) {
  return z.custom<string>((value) => typeof value === 'string' && allowed.includes(value), {
    error: (issue) => m.notOneOf(issue.input, allowed),
  })
}

function isoDate(m: AnswerMessages) {
  return z.custom<string>(isIsoDate, { error: (issue) => m.notDate(issue.input) })
}

function country(m: AnswerMessages) {
  return z.custom<string>(isCountryCode, { error: (issue) => m.notCountry(issue.input) })
}

function certification(allowedTypes: readonly string[], cmmcDetails: boolean, m: AnswerMessages) {
  const optionalDate = z.union([isoDate(m), z.null(), z.undefined()], { error: (issue) => m.notDate(issue.input) })
  const optionalOneOf = (allowed: readonly string[], message: (value: unknown) => string) =>
    z
      .custom<string | undefined>((v) => v === undefined || (typeof v === 'string' && allowed.includes(v)), {
        error: (issue) => message(issue.input),
      })
      .optional()
  const cmmcFields = cmmcDetails
    ? { assessor: optionalOneOf(CMMC_ASSESSORS, m.notAssessor), status: optionalOneOf(CMMC_STATUSES, m.notCmmcStatus) }
    : {}
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      error: () => m.notObject(),
      abort: true,
    })
    .pipe(
      z
        .strictObject(
          {
            type: oneOf(allowedTypes, m),
            issued: isoDate(m),
            expires: optionalDate.optional(),
            edition: z
              .custom<string | number | null | undefined>(
                (v) => v === undefined || v === null || (CERTIFICATE_EDITIONS as readonly string[]).includes(String(v)),
                { error: (issue) => m.notEdition(issue.input) },
              )
              .optional(),
            ...cmmcFields,
            evidenceId: z
              .custom<string | undefined>((v) => v === undefined || typeof v === 'string', {
                error: (issue) => m.notString(issue.input),
              })
              .optional(),
          },
          {
            error: (issue) =>
              issue.code === 'unrecognized_keys' ? m.unknownField(issue.keys.join('", "')) : undefined,
          },
        )
        .superRefine((item, ctx) => {
          // A certificate cannot end before it starts (contract v1.1: invalid input, not a lapsed certificate).
          if (typeof item.expires === 'string' && typeof item.issued === 'string' && item.expires < item.issued) {
            ctx.addIssue({
              code: 'custom',
              path: ['expires'],
              message: m.expiresBeforeIssued(item.expires, item.issued),
            })
          }
          if (!CMMC_CERTIFICATE_TYPES.includes(String(item.type)))
            for (const key of ['assessor', 'status'] as const)
              if ((item as Record<string, unknown>)[key] !== undefined)
                ctx.addIssue({ code: 'custom', path: [key], message: m.cmmcFieldOnly(key) })
        }),
    )
    .transform((item) => {
      // Editions may arrive as numbers; a null expiry means "none printed".
      const cert: CertificationAnswer = { type: String(item.type), issued: String(item.issued) }
      if (typeof item.expires === 'string') cert.expires = item.expires
      if (item.edition !== undefined && item.edition !== null) cert.edition = String(item.edition)
      const record = item as Record<string, unknown>
      if (typeof record.assessor === 'string') cert.assessor = record.assessor as CertificationAnswer['assessor']
      if (typeof record.status === 'string') cert.status = record.status as CertificationAnswer['status']
      if (typeof item.evidenceId === 'string') cert.evidenceId = item.evidenceId
      return cert
    })
}

function arrayOf<T extends z.ZodType>(item: T, message: () => string) {
  return z.custom<unknown[]>((v) => Array.isArray(v), { error: () => message(), abort: true }).pipe(z.array(item))
}

/** The schema of one question's stored value (never `undefined`: an unanswered question is absent). */
export function answerSchema(question: Question, m: AnswerMessages = CONTRACT_MESSAGES): z.ZodType<unknown> {
  switch (question.type) {
    case 'single-choice':
      return oneOf(
        question.choices.map((c) => c.value),
        m,
      )
    case 'multiple-choice':
      return arrayOf(
        oneOf(
          question.choices.map((c) => c.value),
          m,
        ),
        m.notArrayOfChoices,
      )
    case 'country':
      return question.nullable ? z.union([z.null(), country(m)], { error: (i) => m.notCountry(i.input) }) : country(m)
    case 'country-list':
      return arrayOf(country(m), m.notArrayOfCountries)
    case 'yes-no':
      return z.custom<boolean>((v) => typeof v === 'boolean', { error: (issue) => m.notBoolean(issue.input) })
    case 'integer': {
      const { min, max } = question
      return z
        .custom<number>((v) => typeof v === 'number' && Number.isInteger(v), {
          error: (issue) => m.notInteger(issue.input),
          abort: true,
        })
        .superRefine((value, ctx) => {
          if (min !== undefined && value < min) ctx.addIssue({ code: 'custom', message: m.belowMinimum(value, min) })
          if (max !== undefined && value > max) ctx.addIssue({ code: 'custom', message: m.aboveMaximum(value, max) })
        })
    }
    case 'date':
      return isoDate(m)
    case 'text': {
      const text = z.custom<string>((v) => typeof v === 'string', {
        error: (issue) => m.notString(issue.input),
        abort: true,
      })
      const { maxLength } = question
      return maxLength === undefined
        ? text
        : text.refine((value) => value.length <= maxLength, { error: () => m.tooLong(maxLength) })
    }
    case 'file':
      return z.custom<string[]>(
        (v) => Array.isArray(v) && v.every((item) => typeof item === 'string' && item.length > 0),
        { error: () => m.notFileIds() },
      )
    case 'certification-list':
      return arrayOf(
        certification(
          question.certificationTypes.map((c) => c.value),
          question.cmmcDetails === true,
          m,
        ),
        m.notCertificationList,
      )
  }
}

/** A zod issue path below a question (`[1]`, `[0].type`) in the contract's notation. */
export function issueSuffix(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
}
