import { RateLimiterMemory } from 'rate-limiter-flexible'

/**
 * Login throttling: 10 failed attempts per account and IP in 15 minutes, and 100 per IP across
 * all accounts (password spraying). Counters live in this process's memory; see README Decisions
 * for the scale-out note.
 */
const WINDOW_SECONDS = 15 * 60
const perAccountAndIp = new RateLimiterMemory({ points: 10, duration: WINDOW_SECONDS, keyPrefix: 'login-account-ip' })
const perIp = new RateLimiterMemory({ points: 100, duration: WINDOW_SECONDS, keyPrefix: 'login-ip' })

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number }

function keyFor(email: string, ip: string) {
  return `${email.toLowerCase()}|${ip}`
}

export async function checkLoginThrottle(email: string, ip: string): Promise<ThrottleState> {
  const [account, address] = await Promise.all([perAccountAndIp.get(keyFor(email, ip)), perIp.get(ip)])
  const exhausted = [account, address].filter((res) => res && res.remainingPoints <= 0)
  if (exhausted.length === 0) return { blocked: false }
  const retryAfterMs = Math.max(...exhausted.map((res) => res?.msBeforeNext ?? 0))
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
}

export async function recordFailedLogin(email: string, ip: string): Promise<void> {
  // consume() rejects once the points are gone; the next check reports the block.
  await Promise.allSettled([perAccountAndIp.consume(keyFor(email, ip)), perIp.consume(ip)])
}

export async function clearFailedLogins(email: string, ip: string): Promise<void> {
  await perAccountAndIp.delete(keyFor(email, ip))
}
