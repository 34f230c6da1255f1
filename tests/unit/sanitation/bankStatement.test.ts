import { describe, expect, it } from 'vitest'
import { BankFileFormat, defaultBankFileFormats } from '../../../domain/sanitation/bankFileFormat'
import { readStatement, type StatementLine } from '../../../domain/sanitation/bankStatement'
import { statementFingerprint } from '../../../domain/sanitation/fingerprint'
import { paymentCodeOf } from '../../../domain/sanitation/paymentCode'
import { matchStatement, type PayerRef, payerDirectory } from '../../../domain/sanitation/paymentMatching'
import { uid } from './fixtures'

const tbc = defaultBankFileFormats.find((f) => f.code === 'tbcCsv')!
const options = { today: '2025-03-31', absurdPaymentTetri: 10_000_000 }
const code1 = paymentCodeOf('household', 123)
const code2 = paymentCodeOf('household', 124)
const code3 = paymentCodeOf('organisation', 7)
const header = 'თარიღი,ტრანზაქციის ID,გადამხდელი,გადამხდელის კოდი,თანხა'

function read(rows: string[], importedKeys?: Set<string>) {
  const result = readStatement([header, ...rows].join('\r\n'), tbc, { ...options, importedKeys })
  if (!result.ok) throw new Error(result.problem)
  return result
}
const problemsOf = (lines: StatementLine[]) => lines.map((l) => l.problems)

describe('reading a bank statement', () => {
  it('types each row: code, amount in tetri, ISO date, reference, name, its text line', () => {
    const { lines } = read([
      `15.03.2025,TX-1,ნინო ბერიძე,${code1},"12,40"`,
      `16.03.2025 10:22,TX-2,"შპს ოდა",${code3},1 234.50`,
    ])
    expect(lines).toEqual([
      {
        rowNumber: 2,
        payerCodeText: code1,
        amountTetri: 1_240,
        paidOn: '2025-03-15',
        reference: 'TX-1',
        payerName: 'ნინო ბერიძე',
        lineKey: 'tbcCsv/ref/TX-1',
        problems: [],
      },
      expect.objectContaining({ amountTetri: 123_450, paidOn: '2025-03-16', rowNumber: 3 }),
    ])
  })

  it('reports bad rows one by one: amounts, dates, missing cells, empty codes, duplicates', () => {
    const { lines } = read([
      `15.03.2025,TX-1,ა,${code1},-5`,
      `15.03.2025,TX-2,ა,${code1},0`,
      `15.03.2025,TX-3,ა,${code1},200000`,
      `15.03.2025,TX-4,ა,${code1},abc`,
      `31.02.2025,TX-5,ა,${code1},5`,
      `01.04.2025,TX-6,ა,${code1},5`,
      `15.03.2025,TX-7,ა`,
      `15.03.2025,TX-8,ა,,5`,
      `15.03.2025,TX-1,ა,${code1},5`,
    ])
    expect(problemsOf(lines)).toEqual([
      ['negativeAmount'],
      ['badAmount'],
      ['absurdAmount'],
      ['badAmount'],
      ['badDate'],
      ['futureDate'],
      ['missingColumn', 'badAmount', 'emptyPayerCode'],
      ['emptyPayerCode'],
      ['duplicateRow'],
    ])
  })

  it('refuses a file that lacks a column, cannot be read, or has no rows', () => {
    expect(readStatement('თარიღი,თანხა\n1,2', tbc, options)).toEqual({
      ok: false,
      problem: 'missingColumn',
      columns: ['გადამხდელის კოდი', 'ტრანზაქციის ID', 'გადამხდელი'],
    })
    expect(readStatement(`${header}\n"15.03.2025,x`, tbc, options)).toEqual({
      ok: false,
      problem: 'unreadable',
      line: 2,
    })
    expect(readStatement(header, tbc, options)).toEqual({ ok: false, problem: 'empty' })
  })

  it('reads formats by position and in tetri, skipping title lines', () => {
    const treasury = defaultBankFileFormats.find((f) => f.code === 'treasuryCsv')!
    const r = readStatement(`2025-03-02,R-9,${code2},4000,გიორგი\n`, treasury, options)
    expect(r.ok && r.lines[0]).toMatchObject({
      amountTetri: 4_000,
      paidOn: '2025-03-02',
      payerCodeText: code2,
    })
    const bog = defaultBankFileFormats.find((f) => f.code === 'bogCsv')!
    const text = `ამონაწერი\nანგარიში GE00\nსაბუთის თარიღი;საბუთის ნომერი;დანიშნულება;ჩარიცხული თანხა;გადამხდელის დასახელება\n02/03/2025;77;"დასუფთავება, კოდი ${code3}";40,00;შპს ოდა`
    const b = readStatement(text, bog, options)
    expect(b.ok && b.lines[0]).toMatchObject({ amountTetri: 4_000, paidOn: '2025-03-02', rowNumber: 4 })
  })

  it('a format naming columns by header text needs a header', () => {
    const noHeader = { ...tbc, hasHeader: false }
    expect(BankFileFormat.safeParse(noHeader).success).toBe(false)
    for (const f of defaultBankFileFormats) expect(BankFileFormat.safeParse(f).success).toBe(true)
  })

  it('recognises the same file and the same rows when imported again', () => {
    const rows = [`15.03.2025,TX-1,ა,${code1},5`, `15.03.2025,,ა,${code1},5`, `15.03.2025,,ა,${code1},5`]
    const first = read(rows)
    // rows without a bank reference: identical rows are kept apart by their count, and flagged
    expect(first.lines.map((l) => l.lineKey.replace(/row\/[0-9a-f]+/, 'row/#'))).toEqual([
      'tbcCsv/ref/TX-1',
      'tbcCsv/row/#/0',
      'tbcCsv/row/#/1',
    ])
    expect(problemsOf(first.lines)).toEqual([[], [], ['duplicateRow']])
    const again = read(rows, new Set(first.lines.map((l) => l.lineKey)))
    expect(again.fingerprint).toBe(first.fingerprint)
    expect(problemsOf(again.lines)).toEqual([['alreadyImported'], ['alreadyImported'], ['duplicateRow']])
    // line endings, a byte-order mark and trailing blanks do not change a file's fingerprint
    const text = [header, ...rows].join('\r\n')
    expect(statementFingerprint(`\ufeff${text.replaceAll('\r\n', '\n')}  \n\n`)).toBe(
      statementFingerprint(text),
    )
    expect(statementFingerprint(text.replace('TX-1', 'TX-2'))).not.toBe(statementFingerprint(text))
  })
})

describe('matching bank rows to payers', () => {
  const ref = (n: number, code: string, idNumber: string, over: Partial<PayerRef> = {}): PayerRef => ({
    id: uid(n),
    paymentCode: code,
    idNumber,
    status: 'active',
    closedOn: null,
    monthlyTetri: 120,
    balanceTetri: 360,
    ...over,
  })
  const directory = payerDirectory([
    ref(1, code1, '01001012345'),
    ref(2, code2, '01001099999', { monthlyTetri: 160 }),
    ref(3, paymentCodeOf('household', 125), '01001099999', { monthlyTetri: 80 }),
    ref(4, code3, '404404404'),
  ])
  const typo = `${code1.slice(0, 9)}${(Number(code1[9]) + 1) % 10}`

  it('matches by payment code, else by identifier and amount, and queues the rest with a reason', () => {
    const { lines } = read([
      `15.03.2025,A,ა,${code1},"1,20"`, // code
      `15.03.2025,B,ა,"გადახდა ${code3} დასუფთავება",5`, // code inside text
      `15.03.2025,C,ა,${typo},5`, // typo: check digit fails
      `15.03.2025,D,ა,01001012345,5`, // personal number of one payer
      `15.03.2025,E,ა,01001099999,"1,60"`, // two households of one head: the amount decides
      `15.03.2025,F,ა,01001099999,"9,99"`, // ... or does not
      `15.03.2025,G,ა,${code1} ${code2},5`, // two payers in one row
      `15.03.2025,H,ა,5555555555,5`, // no such payer
      `15.03.2025,I,ა,${code1},-5`, // unreadable
      `15.03.2025,A,ა,${code1},5`, // the same transaction again
    ])
    const matched = matchStatement(lines, directory)
    expect(matched.lines.map((l) => [l.reference, l.status, l.payerId, l.problems])).toEqual([
      ['A', 'matched', uid(1), []],
      ['B', 'matched', uid(4), []],
      ['C', 'unmatched', null, ['badCheckDigit']],
      ['D', 'matched', uid(1), []],
      ['E', 'matched', uid(2), []],
      ['F', 'ambiguous', null, ['severalPayers']],
      ['G', 'ambiguous', null, ['severalPayers']],
      ['H', 'unmatched', null, ['unknownPayerCode']],
      ['I', 'invalid', null, ['negativeAmount']],
      ['A', 'duplicate', null, ['duplicateRow']],
    ])
    expect(matched.counts).toEqual({ matched: 4, unmatched: 2, ambiguous: 2, duplicate: 1, invalid: 1 })
    expect(matched.matchedTetri).toBe(120 + 500 + 500 + 160)
  })
})
