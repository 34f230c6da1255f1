import { createHash, randomBytes, randomInt } from 'node:crypto'

/** A bearer secret: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps of a token: its sha256, so a copy of the database signs nobody in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

// No 0/O or 1/I/L: IT reads these codes aloud or types them from a note.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A one-time enrolment code: 12 characters, about 59 bits, shown as `XXXX-XXXX-XXXX`. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)])
  return formatEnrolmentCode(chars.join(''))
}

/** The stored form of what someone typed: upper case, in dash-separated groups of four. */
export function formatEnrolmentCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return plain.match(/.{1,4}/g)?.join('-') ?? ''
}
