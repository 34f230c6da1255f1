/** '1 234,5' or '1234.5' -> 1234.5; anything else (letters, two separators, a sign) is not a number. */
export function parseDecimal(text: string): number | null {
  const s = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(s)) return null
  const value = Number(s)
  return Number.isFinite(value) ? value : null
}
