import { createHash, randomBytes } from 'node:crypto'

/**
 * Secret link tokens: 256 random bits, URL-safe. Only their SHA-256 is stored, so a copy of the
 * database does not let anyone follow a link.
 */
export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
