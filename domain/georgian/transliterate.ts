import { foldMtavruli, GEORGIAN_LETTER, normaliseForSearch } from './script'

// The Georgian keyboard layout and the AcadNusx/LitNusx legacy fonts share one case-sensitive
// mapping from Latin keys to the 33 letters (research/domain.md 1.6).

/** Key -> letter: 26 lower-case keys and the 7 capitals that mean a different letter. */
export const latinLayout: Readonly<Record<string, string>> = Object.freeze({
  a: 'ა',
  b: 'ბ',
  g: 'გ',
  d: 'დ',
  e: 'ე',
  v: 'ვ',
  z: 'ზ',
  T: 'თ',
  i: 'ი',
  k: 'კ',
  l: 'ლ',
  m: 'მ',
  n: 'ნ',
  o: 'ო',
  p: 'პ',
  J: 'ჟ',
  r: 'რ',
  s: 'ს',
  t: 'ტ',
  u: 'უ',
  f: 'ფ',
  q: 'ქ',
  R: 'ღ',
  y: 'ყ',
  S: 'შ',
  C: 'ჩ',
  c: 'ც',
  Z: 'ძ',
  w: 'წ',
  W: 'ჭ',
  x: 'ხ',
  j: 'ჯ',
  h: 'ჰ',
})

const layoutKeyOf: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(latinLayout).map(([key, letter]) => [letter, key])),
)

/** 'saqarTvelo' -> 'საქართველო': text typed with the layout left on English, or AcadNusx text. */
export function latinLayoutToGeorgian(s: string): string {
  return s.replace(/[A-Za-z]/g, (ch) => latinLayout[ch] ?? latinLayout[ch.toLowerCase()] ?? ch)
}

/** The inverse of `latinLayoutToGeorgian` on the 33 letters: 'საქართველო' -> 'saqarTvelo'. */
export function georgianToLatinLayout(s: string): string {
  return s.replace(/[\u10d0-\u10f0]/g, (ch) => layoutKeyOf[ch] ?? ch)
}

/** National romanization system of 2002, lower-case ASCII without apostrophes. */
const romanOf: Readonly<Record<string, string>> = Object.freeze({
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
  // archaic letters still met in old names and church texts: nearest modern sound
  ჱ: 'e',
  ჲ: 'i',
  ჳ: 'v',
  ჴ: 'kh',
  ჵ: 'o',
  ჶ: 'p',
  ჷ: 'e',
})

/** 'შოთა რუსთაველი' -> 'shota rustaveli'; non-Georgian characters are kept. */
export function romanise(georgian: string): string {
  let out = ''
  for (const ch of foldMtavruli(georgian)) out += romanOf[ch] ?? ch
  return out
}

const SPECIAL_CAPITAL_INSIDE_WORD = /[a-z][TJRSCZW]/
const OTHER_CAPITAL_INSIDE_WORD = /[a-z][ABD-IK-QUVXY]/
/** ქ before a vowel other than u: 'qalaqi', 'saqme'; rare in English ('Qatar' aside). */
const Q_NOT_BEFORE_U = /q[a-tv-z]/
/** Letter pairs that are common in English and next to impossible in Georgian typed this way. */
const ENGLISH_PAIRS = /th|sh|ch|ck|wh|ph|ee|oo|ou/i

/**
 * Latin-only text that reads as Georgian typed in an AcadNusx font: 'saqarTvelo', 'qalaqi rusTavi'.
 * A heuristic: imports should also look at the cell's font name and at the whole column.
 */
export function looksLikeAcadNusx(s: string): boolean {
  if (GEORGIAN_LETTER.test(s)) return false
  const words = s.match(/[A-Za-z]+/g) ?? []
  const georgianLike = words.filter(
    (w) =>
      (SPECIAL_CAPITAL_INSIDE_WORD.test(w) && !OTHER_CAPITAL_INSIDE_WORD.test(w)) ||
      (w === w.toLowerCase() && Q_NOT_BEFORE_U.test(w)),
  ).length
  const englishLike = words.filter((w) => ENGLISH_PAIRS.test(w)).length
  return georgianLike > 0 && georgianLike > englishLike
}

const GEORGIAN_WORD = /[\u10d0-\u10ff]+/g

/** What goes into the full-text index: the normalised text plus a romanised form of every Georgian word. */
export function searchIndexText(...parts: string[]): string {
  // The words as written, then their romanised forms, each once (a bootstrap makes a million).
  const words = normaliseForSearch(parts.join(' ')).split(' ')
  const out = new Set<string>()
  for (const word of words) if (word !== '') out.add(word)
  for (const word of words) for (const romanised of romanisedWordsOf(word)) out.add(romanised)
  return [...out].join(' ')
}

/**
 * The romanised forms of one indexed word. Names and streets repeat across a registry, so the last
 * few thousand answers are remembered; a bulk load of the search index spends far less time here.
 */
const romanisedCache = new Map<string, string[]>()
const noWords: string[] = []
const HAS_MKHEDRULI = /[\u10d0-\u10ff]/
function romanisedWordsOf(word: string): string[] {
  // Numbers and codes (unique to each record) have nothing to romanise: kept out of the cache, they
  // would push the names and streets out of it.
  if (!HAS_MKHEDRULI.test(word)) return noWords
  let found = romanisedCache.get(word)
  if (found === undefined) {
    found = (word.match(GEORGIAN_WORD) ?? []).map(romanise)
    if (romanisedCache.size >= 20_000) romanisedCache.clear()
    romanisedCache.set(word, found)
  }
  return found
}

/** What to search for when a clerk typed `query`: as typed, and as if the layout had been Georgian. */
export function searchQueryVariants(query: string): string[] {
  const variants = [normaliseForSearch(query)]
  // convert the raw text: lower-casing first would lose T/თ, S/შ and the other capitals
  if (/[A-Za-z]/.test(query)) variants.push(normaliseForSearch(latinLayoutToGeorgian(query)))
  return [...new Set(variants)].filter((v) => v !== '')
}
