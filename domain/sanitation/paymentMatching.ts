import type { StatementLine } from './bankStatement'
import { paymentCodesIn } from './paymentCode'
import type { BankLineProblem, BankLineStatus, PayerStatus } from './vocabulary'

// Matching bank rows to payers. By payment code first (its check digit makes a typo fail rather
// than hit another payer); a row without a valid code is tried by the personal number or company
// code written in it. Where that names several payers, the amount and the date choose: a payer
// whose monthly charge or balance equals the amount, open on the payment's date. Anything else
// waits for a clerk, with the reason.

export interface PayerRef {
  id: string
  paymentCode: string
  /** Personal number (a household's head) or company code. */
  idNumber: string
  status: PayerStatus
  closedOn: string | null
  /** The payer's usual monthly charge and current balance, to tell candidates apart by amount. */
  monthlyTetri: number
  balanceTetri: number
}

export interface PayerDirectory {
  byCode: ReadonlyMap<string, PayerRef>
  byIdNumber: ReadonlyMap<string, readonly PayerRef[]>
}

export function payerDirectory(payers: Iterable<PayerRef>): PayerDirectory {
  const byCode = new Map<string, PayerRef>()
  const byIdNumber = new Map<string, PayerRef[]>()
  for (const p of payers) {
    byCode.set(p.paymentCode, p)
    const list = byIdNumber.get(p.idNumber)
    if (list) list.push(p)
    else byIdNumber.set(p.idNumber, [p])
  }
  return { byCode, byIdNumber }
}

export interface MatchedLine {
  status: BankLineStatus
  payerId: string | null
  problems: BankLineProblem[]
}

const unreadable: readonly BankLineProblem[] = [
  'missingColumn',
  'badAmount',
  'negativeAmount',
  'absurdAmount',
  'badDate',
  'futureDate',
]

const openOn = (p: PayerRef, day: string | null) => day === null || p.closedOn === null || p.closedOn >= day

export function matchLine(line: StatementLine, directory: PayerDirectory): MatchedLine {
  const problems = [...line.problems]
  if (problems.some((p) => unreadable.includes(p))) return { status: 'invalid', payerId: null, problems }
  if (problems.includes('duplicateRow') || problems.includes('alreadyImported')) {
    return { status: 'duplicate', payerId: null, problems }
  }
  const text = line.payerCodeText
  const known = paymentCodesIn(text)
    .map((code) => directory.byCode.get(code))
    .filter((p): p is PayerRef => p !== undefined)
  if (known.length === 1) return { status: 'matched', payerId: known[0]!.id, problems }
  if (known.length > 1)
    return { status: 'ambiguous', payerId: null, problems: [...problems, 'severalPayers'] }

  if (/(?<!\d)[12]\d{9}(?!\d)/.test(text)) problems.push('badCheckDigit')
  const byId = [...text.matchAll(/(?<!\d)(\d{11}|\d{9})(?!\d)/g)].flatMap(
    (m) => directory.byIdNumber.get(m[1]!) ?? [],
  )
  if (byId.length === 0) {
    if (text !== '' && !problems.includes('badCheckDigit')) problems.push('unknownPayerCode')
    return { status: 'unmatched', payerId: null, problems }
  }
  const open = byId.filter((p) => openOn(p, line.paidOn))
  const candidates = open.length > 0 ? open : byId
  if (candidates.length === 1) return { status: 'matched', payerId: candidates[0]!.id, problems }
  const byAmount = candidates.filter(
    (p) => p.monthlyTetri === line.amountTetri || p.balanceTetri === line.amountTetri,
  )
  if (byAmount.length === 1) return { status: 'matched', payerId: byAmount[0]!.id, problems }
  return { status: 'ambiguous', payerId: null, problems: [...problems, 'severalPayers'] }
}

export interface MatchSummary {
  lines: (StatementLine & MatchedLine)[]
  counts: Record<BankLineStatus, number>
  matchedTetri: number
}

export function matchStatement(lines: readonly StatementLine[], directory: PayerDirectory): MatchSummary {
  const counts: Record<BankLineStatus, number> = {
    matched: 0,
    unmatched: 0,
    ambiguous: 0,
    duplicate: 0,
    invalid: 0,
  }
  let matchedTetri = 0
  const out = lines.map((line) => {
    const m = matchLine(line, directory)
    counts[m.status]++
    if (m.status === 'matched') matchedTetri += line.amountTetri ?? 0
    return { ...line, ...m }
  })
  return { lines: out, counts, matchedTetri }
}
