import { countThrottled, type ThrottleRule, throttleState } from '../throttles/throttle.server.ts'

// Guessing links is hopeless (256 bits), but a flood of lookups is still refused: 30 unknown or
// dead links per client address in 15 minutes, then 429. Counted in the database (app/throttles).
const badLinks: ThrottleRule = { keyPrefix: 'vendor-link-ip', points: 30, durationSeconds: 15 * 60 }

export async function isLinkLookupBlocked(ip: string): Promise<boolean> {
  return (await throttleState(badLinks, ip)).blocked
}

export async function recordBadLinkLookup(ip: string): Promise<void> {
  await countThrottled(badLinks, ip)
}
