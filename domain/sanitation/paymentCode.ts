// A payer's payment code: what the payer writes on a bank transfer and what a notice prints. Ten
// digits: the kind (1 household, 2 organisation), an eight-digit serial the registry assigns once,
// and a Damm check digit, which catches every single wrong digit and every swap of two neighbours.

import type { PayerKind } from './vocabulary'

const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const

const PAYMENT_CODE = /^[12]\d{9}$/
export const maxPaymentSerial = 99_999_999

const kindDigit: Record<PayerKind, string> = { household: '1', organisation: '2' }

/** The Damm check digit of a string of digits. */
export function dammDigit(digits: string): number {
  let interim = 0
  for (const ch of digits) interim = DAMM[interim]![ch.charCodeAt(0) - 48]!
  return interim
}

export function paymentCodeOf(kind: PayerKind, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > maxPaymentSerial) {
    throw new RangeError(`payment code serial out of range: ${serial}`)
  }
  const body = `${kindDigit[kind]}${String(serial).padStart(8, '0')}`
  return `${body}${dammDigit(body)}`
}

/** Ten digits of the right shape whose check digit holds. */
export const isPaymentCode = (code: string): boolean => PAYMENT_CODE.test(code) && dammDigit(code) === 0

/** What a clerk or a bank row holds ('1 0000 0123 4', '1-00000123-4') reduced to digits, or null. */
export function normalisePaymentCode(text: string): string | null {
  const digits = text.replace(/[\s\u00a0-]/g, '')
  return isPaymentCode(digits) ? digits : null
}

/** Every valid payment code written inside free text (a transfer's purpose line), in order, once each. */
export function paymentCodesIn(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/(?<!\d)[12]\d{9}(?!\d)/g)) {
    if (isPaymentCode(m[0]) && !found.includes(m[0])) found.push(m[0])
  }
  return found
}

/** Grouped for print so a person can read it aloud: '1 0000 0123 4'. */
export const formatPaymentCode = (code: string): string =>
  `${code.slice(0, 1)} ${code.slice(1, 5)} ${code.slice(5, 9)} ${code.slice(9)}`
