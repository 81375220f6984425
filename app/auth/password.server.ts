import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation).
export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// A hash of a random string, checked when the email is unknown, so a login for an unknown address
// takes as long as one for a known address (no user enumeration by timing).
let dummyHash: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash(crypto.randomUUID())
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}
