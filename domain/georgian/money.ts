import { z } from 'zod'

// Money is integer tetri (1 lari = 100 tetri); every conversion below is integer arithmetic.

/** An amount: whole tetri, not negative, exactly representable. */
export const Tetri = z.number().int('georgian.money.invalid').nonnegative('georgian.money.negative')
export type Tetri = z.infer<typeof Tetri>

/** A change of an amount (budget amendments, corrections): whole tetri, either sign. */
export const TetriDelta = z.number().int('georgian.money.invalid')
export type TetriDelta = z.infer<typeof TetriDelta>

export type Lang = 'ka' | 'en'

const NBSP = '\u00a0'
const GEL_SIGN = '₾'

function assertSafeInteger(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of tetri: ${n}`)
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

/** Georgian `1 234,56 ₾` (no-break spaces, CLDR ka), English `₾1,234.56`. */
export function formatGel(tetri: number, lang: Lang = 'ka'): string {
  assertSafeInteger(tetri)
  const sign = tetri < 0 ? '-' : ''
  const abs = Math.abs(tetri)
  const lari = String(Math.floor(abs / 100))
  const cents = String(abs % 100).padStart(2, '0')
  return lang === 'ka'
    ? `${sign}${group(lari, NBSP)},${cents}${NBSP}${GEL_SIGN}`
    : `${sign}${GEL_SIGN}${group(lari, ',')}.${cents}`
}

/** Budget tables: thousands of GEL with one decimal, `9 070,0` (rounded half away from zero). */
export function formatThousandGel(tetri: number, lang: Lang = 'ka'): string {
  assertSafeInteger(tetri)
  const abs = Math.abs(tetri)
  // one tenth of a thousand lari is 10 000 tetri
  const tenths = Math.floor(abs / 10_000) + (abs % 10_000 >= 5_000 ? 1 : 0)
  const sign = tetri < 0 && tenths > 0 ? '-' : ''
  const whole = String(Math.floor(tenths / 10))
  const tenth = String(tenths % 10)
  return lang === 'ka' ? `${sign}${group(whole, NBSP)},${tenth}` : `${sign}${group(whole, ',')}.${tenth}`
}

const SPACES = /[\s\u00a0\u202f\u2009]/g
const CURRENCY = /^(?:₾|gel)|(?:₾|gel|ლარი|ლ\.)$/i

/**
 * What a clerk types, or either `formatGel` form, to tetri: '1234,56', '1 234.56', '1234',
 * '12,5' -> 1250, '1,234.56'. Null for letters, more than two decimals, misplaced grouping, or
 * an amount beyond the safe integer range.
 */
export function parseGel(text: string): number | null {
  let s = text.trim()
  let negative = false
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true
    s = s.slice(1).trim()
  }
  s = s.replace(CURRENCY, '').trim()
  // '-₾1,234.56': the sign may come before the currency symbol
  if (!negative && (s.startsWith('-') || s.startsWith('\u2212'))) {
    negative = true
    s = s.slice(1)
  }
  s = s.replace(SPACES, ' ')
  if (!/^[\d ,.]+$/.test(s)) return null

  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  const commas = s.split(',').length - 1
  const dots = s.split('.').length - 1
  let decimalAt = -1
  let groupSeparator = ' '
  if (commas > 0 && dots > 0) {
    decimalAt = Math.max(lastComma, lastDot)
    groupSeparator = lastComma > lastDot ? '.' : ','
  } else if (commas === 1 || dots === 1) {
    decimalAt = Math.max(lastComma, lastDot)
  } else if (commas > 1) {
    groupSeparator = ','
  } else if (dots > 1) {
    groupSeparator = '.'
  }

  const whole = decimalAt < 0 ? s : s.slice(0, decimalAt)
  const fraction = decimalAt < 0 ? '' : s.slice(decimalAt + 1)
  if (decimalAt >= 0 && !/^\d{1,2}$/.test(fraction)) return null
  const lari = ungroup(whole, groupSeparator)
  if (lari === null || (lari === '' && fraction === '')) return null

  const tetri = BigInt(lari || '0') * 100n + BigInt(fraction.padEnd(2, '0') || '0')
  if (tetri > BigInt(Number.MAX_SAFE_INTEGER)) return null
  const n = Number(tetri)
  return negative && n !== 0 ? -n : n
}

/** '1 234' or '1.234.567' (groups of three after the first) or plain digits, to plain digits. */
function ungroup(whole: string, separator: string): string | null {
  if (/^\d*$/.test(whole)) return whole
  const parts = whole.split(/[ ]/).flatMap((p) => (separator === ' ' ? [p] : p.split(separator)))
  const [first, ...rest] = parts
  if (first === undefined || !/^\d{1,3}$/.test(first)) return null
  if (!rest.every((p) => /^\d{3}$/.test(p))) return null
  // one kind of grouping only: '1 234.567,00' and '1,234 567' are typing mistakes
  const kinds = new Set(whole.replace(/\d/g, ''))
  return kinds.size === 1 ? parts.join('') : null
}
