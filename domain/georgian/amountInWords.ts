// Numbers in Georgian words, for amounts on printed receipts and notices. Georgian counts in
// twenties up to 99: 34 is "twenty and fourteen" (ოცდათოთხმეტი), 56 "two-twenty and sixteen"
// (ორმოცდათექვსმეტი). A hundred, a thousand, a million drop their final ი when more follows:
// 1121 = ათას ას ოცდაერთი, but 2000 = ორი ათასი and 100 000 = ასი ათასი.

const units = ['', 'ერთი', 'ორი', 'სამი', 'ოთხი', 'ხუთი', 'ექვსი', 'შვიდი', 'რვა', 'ცხრა'] as const
const teens = [
  'ათი',
  'თერთმეტი',
  'თორმეტი',
  'ცამეტი',
  'თოთხმეტი',
  'თხუთმეტი',
  'თექვსმეტი',
  'ჩვიდმეტი',
  'თვრამეტი',
  'ცხრამეტი',
] as const
/** 20, 40, 60, 80 without their final ი: ოც-, ორმოც-, სამოც-, ოთხმოც-. */
const twenties = ['', 'ოც', 'ორმოც', 'სამოც', 'ოთხმოც'] as const
/** 100 ... 900 without their final ი. */
const hundreds = ['', 'ას', 'ორას', 'სამას', 'ოთხას', 'ხუთას', 'ექვსას', 'შვიდას', 'რვაას', 'ცხრაას'] as const

/** 1 ... 19 */
const belowTwenty = (n: number): string => (n < 10 ? units[n]! : teens[n - 10]!)

/** 1 ... 99 */
function belowHundred(n: number): string {
  if (n < 20) return belowTwenty(n)
  const twenty = twenties[Math.floor(n / 20)]!
  const rest = n % 20
  return rest === 0 ? `${twenty}ი` : `${twenty}და${belowTwenty(rest)}`
}

/** 1 ... 999 */
function belowThousand(n: number): string {
  const h = Math.floor(n / 100)
  const rest = n % 100
  if (h === 0) return belowHundred(rest)
  return rest === 0 ? `${hundreds[h]}ი` : `${hundreds[h]} ${belowHundred(rest)}`
}

const scales = [
  { value: 1_000_000_000_000, word: 'ტრილიონ' },
  { value: 1_000_000_000, word: 'მილიარდ' },
  { value: 1_000_000, word: 'მილიონ' },
] as const

/** A whole number from 0 to Number.MAX_SAFE_INTEGER in Georgian words. */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole non-negative number: ${n}`)
  if (n === 0) return 'ნული'
  const parts: string[] = []
  let rest = n
  for (const { value, word } of scales) {
    const count = Math.floor(rest / value)
    rest -= count * value
    // "ერთი მილიონი": unlike a thousand, a million is counted even when there is one of it
    if (count > 0) parts.push(`${numberInWords(count)} ${word}`)
  }
  const thousands = Math.floor(rest / 1000)
  const below = rest % 1000
  if (thousands === 1) parts.push('ათას')
  else if (thousands > 1) parts.push(`${belowThousand(thousands)} ათას`)
  if (below > 0) parts.push(belowThousand(below))
  else parts[parts.length - 1] = `${parts[parts.length - 1]}ი`
  return parts.join(' ')
}

/**
 * An amount of tetri in words, as a receipt writes it: 123456 -> "ათას ორას ოცდათოთხმეტი ლარი და
 * ორმოცდათექვსმეტი თეთრი". Whole lari leave out the tetri; less than a lari leaves out the lari.
 */
export function amountInWords(tetri: number): string {
  if (!Number.isSafeInteger(tetri) || tetri < 0) throw new RangeError(`not an amount of tetri: ${tetri}`)
  const lari = Math.floor(tetri / 100)
  const cents = tetri % 100
  if (cents === 0) return `${numberInWords(lari)} ლარი`
  if (lari === 0) return `${numberInWords(cents)} თეთრი`
  return `${numberInWords(lari)} ლარი და ${numberInWords(cents)} თეთრი`
}
