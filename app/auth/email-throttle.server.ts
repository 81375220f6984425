import { data } from '@remix-run/node'
import { countThrottled, type ThrottleRule, type ThrottleState, worstState } from '../throttles/throttle.server.ts'

/**
 * Sign-up and password-reset emails are sent to any address typed into a public form, so they are
 * throttled: 3 an hour to one address (nobody's inbox is flooded, whether or not it has an account)
 * and 20 an hour from one client address. Counted in the database (app/throttles).
 */
export type AccountEmailKind = 'signup' | 'password-reset'

const HOUR = 3600
const rules: Record<AccountEmailKind, { perAddress: ThrottleRule; perIp: ThrottleRule }> = {
  signup: {
    perAddress: { keyPrefix: 'signup-email-address', points: 3, durationSeconds: HOUR },
    perIp: { keyPrefix: 'signup-email-ip', points: 20, durationSeconds: HOUR },
  },
  'password-reset': {
    perAddress: { keyPrefix: 'reset-email-address', points: 3, durationSeconds: HOUR },
    perIp: { keyPrefix: 'reset-email-ip', points: 20, durationSeconds: HOUR },
  },
}

/** Counts one request for an email of this kind; blocked means: send nothing, answer 429. */
export async function countAccountEmail(kind: AccountEmailKind, email: string, ip: string): Promise<ThrottleState> {
  const { perAddress, perIp } = rules[kind]
  return worstState(await Promise.all([countThrottled(perAddress, email.toLowerCase()), countThrottled(perIp, ip)]))
}

/**
 * The form's 429: "Too many requests. Try again in 12 minutes." with Retry-After, keeping what was
 * typed (never a password).
 */
export function tooManyEmailRequests<V extends Record<string, string>>(retryAfterSeconds: number, values: V) {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  const formError = `Too many requests. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  return data(
    { sentTo: null, formError, errors: undefined, values },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  )
}
