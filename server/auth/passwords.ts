import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

// scrypt (DESIGN.md section 6) with OWASP's minimum cost for it: N=2^17 would be stronger but costs
// 128 MiB per concurrent sign-in, too much for a small municipal server; 2^15 costs 32 MiB.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const SALT_LENGTH = 16

/** `scrypt$N$r$p$<salt>$<key>` (base64url), so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, KEY_LENGTH, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  const salt = Buffer.from(parts[4] ?? '', 'base64url')
  const expected = Buffer.from(parts[5] ?? '', 'base64url')
  if (!N || !r || !p || salt.length === 0 || expected.length === 0) return false
  const key = await derive(password, salt, expected.length, { N, r, p })
  return timingSafeEqual(key, expected)
}

/** A hash of a random password: checked against when a username is unknown, so timing reveals nothing. */
export const unknownUserHash = hashPassword(randomBytes(16).toString('hex'))

function derive(password: string, salt: Buffer, length: number, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { ...cost, maxmem: 128 * (cost.N ?? 0) * (cost.r ?? 0) * 2 }
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}
