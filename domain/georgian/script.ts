// Mtavruli capitals (U+1C90–U+1CBF, Unicode 11) must be folded before comparing or indexing:
// SQLite's lower() is ASCII-only and older case tables do not know them, so the mapping is explicit.

/** U+1CBB and U+1CBC are unassigned; every other Mtavruli letter sits 0xBC0 above its Mkhedruli letter. */
const MTAVRULI_TO_MKHEDRULI = 0x10d0 - 0x1c90

/** Every assigned Mtavruli letter (all in the Basic Multilingual Plane: one UTF-16 unit each). */
const MTAVRULI = /[\u1c90-\u1cba\u1cbd-\u1cbf]/g
const HAS_MTAVRULI = /[\u1c90-\u1cba\u1cbd-\u1cbf]/

/** 'ᲠᲣᲡᲗᲐᲕᲘ' -> 'რუსთავი'; everything else unchanged. */
export function foldMtavruli(s: string): string {
  // Nearly all text has no capitals: indexing a million rows reads it once more, and builds nothing.
  if (!HAS_MTAVRULI.test(s)) return s
  return s.replace(MTAVRULI, (ch) => String.fromCharCode(ch.charCodeAt(0) + MTAVRULI_TO_MKHEDRULI))
}

/** The form in which text is indexed and compared: NFC, Mtavruli folded, lower case, single spaces. */
export function normaliseForSearch(s: string): string {
  return foldMtavruli(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Modern Mkhedruli letters ა (U+10D0) … ჰ (U+10F0) and the rest of the Mkhedruli block. */
export const GEORGIAN_LETTER = /[\u10d0-\u10ff\u1c90-\u1cbf]/
