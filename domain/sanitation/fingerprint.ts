// A stable 64-bit fingerprint of text (two independent 32-bit FNV-1a-style hashes over UTF-16 code
// units). It tells the same bank file or row apart from others; it is not a security measure.

export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
    h2 ^= h2 >>> 15
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b)
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35)
  h1 ^= h1 >>> 16
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b)
  h2 ^= h2 >>> 13
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

/** The file's fingerprint: its text with line endings, a byte-order mark and trailing blanks evened out. */
export const statementFingerprint = (text: string): string =>
  fingerprint(
    text
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n+$/, ''),
  )
