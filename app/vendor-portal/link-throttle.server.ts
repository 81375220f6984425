import { RateLimiterMemory } from 'rate-limiter-flexible'

// Guessing links is hopeless (256 bits), but a flood of lookups is still refused: 30 unknown or
// dead links per IP in 15 minutes, then 429.
const badLinks = new RateLimiterMemory({ points: 30, duration: 15 * 60, keyPrefix: 'vendor-link-ip' })

export async function isLinkLookupBlocked(ip: string): Promise<boolean> {
  const state = await badLinks.get(ip)
  return !!state && state.remainingPoints <= 0
}

export async function recordBadLinkLookup(ip: string): Promise<void> {
  await badLinks.consume(ip).catch(() => {})
}
