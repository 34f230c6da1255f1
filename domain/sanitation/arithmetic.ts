// Rounding rule of the registry (stated once, used everywhere): amounts are whole tetri; a product
// with a fractional quantity (12.35 m²) or a percentage is rounded half up to the nearest tetri,
// once, at the end of each line. Sums are sums of already rounded lines, so a total always equals
// the sum of its lines.

/** round(numerator / denominator), halves up, for a non-negative numerator and positive denominator. */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`not an exact division: ${numerator} / ${denominator}`)
  }
  if (numerator < 0) return -roundHalfUp(-numerator, denominator)
  const q = Math.floor(numerator / denominator)
  const r = numerator - q * denominator
  return 2 * r >= denominator ? q + 1 : q
}

/** A quantity with at most two decimals as whole hundredths: 12.35 -> 1235. */
export function hundredths(quantity: number): number {
  const h = Math.round(quantity * 100)
  if (!Number.isSafeInteger(h) || h < 0) throw new RangeError(`not a quantity: ${quantity}`)
  return h
}

/** rate (tetri per unit) x quantity (hundredths of a unit), rounded half up to whole tetri. */
export const rateTimesQuantity = (rateTetri: number, quantityHundredths: number): number =>
  roundHalfUp(rateTetri * quantityHundredths, 100)

/** What is left to pay after a relief of `percent` (0-100): the relief is rounded half up. */
export const afterRelief = (amountTetri: number, percent: number): number =>
  amountTetri - roundHalfUp(amountTetri * percent, 100)

export const sum = (values: readonly number[]): number => {
  let total = 0
  for (const v of values) total += v
  return total
}
