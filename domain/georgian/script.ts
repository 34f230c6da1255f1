// Mtavruli capitals (U+1C90–U+1CBF, Unicode 11) must be folded before comparing or indexing:
// SQLite's lower() is ASCII-only and older case tables do not know them, so the mapping is explicit.

const MTAVRULI_FIRST = 0x1c90
const MTAVRULI_LAST = 0x1cbf
/** U+1CBB and U+1CBC are unassigned; every other Mtavruli letter sits 0xBC0 above its Mkhedruli letter. */
const MTAVRULI_UNASSIGNED = new Set([0x1cbb, 0x1cbc])
const MTAVRULI_TO_MKHEDRULI = 0x10d0 - 0x1c90

const isMtavruli = (cp: number): boolean =>
  cp >= MTAVRULI_FIRST && cp <= MTAVRULI_LAST && !MTAVRULI_UNASSIGNED.has(cp)

/** 'ᲠᲣᲡᲗᲐᲕᲘ' -> 'რუსთავი'; everything else unchanged. */
export function foldMtavruli(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    out += isMtavruli(cp) ? String.fromCodePoint(cp + MTAVRULI_TO_MKHEDRULI) : ch
  }
  return out
}

/** The form in which text is indexed and compared: NFC, Mtavruli folded, lower case, single spaces. */
export function normaliseForSearch(s: string): string {
  return foldMtavruli(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Modern Mkhedruli letters ა (U+10D0) … ჰ (U+10F0) and the rest of the Mkhedruli block. */
export const GEORGIAN_LETTER = /[\u10d0-\u10ff\u1c90-\u1cbf]/
