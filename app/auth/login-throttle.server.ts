import {
  clearThrottle,
  combinedThrottleState,
  countThrottled,
  type ThrottleRule,
} from '../throttles/throttle.server.ts'

/**
 * Login throttling: 10 failed attempts per account and client address in 15 minutes, and 100 per
 * address across all accounts (password spraying). Counted in the database (app/throttles), so
 * every server process and a restart see the same counts. Behind a proxy the client address comes
 * from X-Forwarded-For only as TRUST_PROXY allows (app/server/http.server.ts).
 */
const WINDOW_SECONDS = 15 * 60
const perAccountAndIp: ThrottleRule = { keyPrefix: 'login-account-ip', points: 10, durationSeconds: WINDOW_SECONDS }
const perIp: ThrottleRule = { keyPrefix: 'login-ip', points: 100, durationSeconds: WINDOW_SECONDS }

export type { ThrottleState } from '../throttles/throttle.server.ts'

function keyFor(email: string, ip: string) {
  return `${email.toLowerCase()}|${ip}`
}

export function checkLoginThrottle(email: string, ip: string) {
  return combinedThrottleState([
    [perAccountAndIp, keyFor(email, ip)],
    [perIp, ip],
  ])
}

export async function recordFailedLogin(email: string, ip: string): Promise<void> {
  await Promise.all([countThrottled(perAccountAndIp, keyFor(email, ip)), countThrottled(perIp, ip)])
}

export async function clearFailedLogins(email: string, ip: string): Promise<void> {
  await clearThrottle(perAccountAndIp, keyFor(email, ip))
}
