import { type AccountLine, type AccountPayment, payerAccount } from './account'
import { amnestyKey, type ChargeLine } from './ledger'
import { actCitation, type LegalActFields } from './legalBasis'
import type { SanitationChargeLineRow } from './rows'
import type { AmnestyCoverage, PayerKind } from './vocabulary'

// A period amnesty (as Dedoplistskaro waived March-May 2020): the covered periods' charges are
// cancelled by amnesty lines. What the payer had already paid for them is not refunded: it stays on
// the account as a credit (it settles other debts, or future months).

export interface Amnesty extends LegalActFields {
  id: string
  fromPeriod: string
  toPeriod: string
  coverage: AmnestyCoverage
}

export interface AmnestyResult {
  lines: SanitationChargeLineRow[]
  /** The cancelled charges that were still open. */
  forgivenTetri: number
  /** The cancelled charges the payer had paid: now a credit on the account. */
  creditedTetri: number
}

const covers = (coverage: AmnestyCoverage, kind: PayerKind) =>
  coverage === 'all' || (coverage === 'households') === (kind === 'household')

/** What an amnesty reads of a line: the account's fields, and whether it is this amnesty's. */
export type AmnestyAccountLine = AccountLine & Pick<ChargeLine, 'kind' | 'amnestyId'>

/** `lines` and `payments`: the payer's whole account. Applying the same amnesty again gives nothing. */
export function amnestyLines(
  amnesty: Amnesty,
  payer: { id: string; kind: PayerKind },
  lines: readonly AmnestyAccountLine[],
  payments: readonly AccountPayment[],
  options: { issuedOn: string; graceDays: number; sakrebuloGenitive: string },
): AmnestyResult {
  const none: AmnestyResult = { lines: [], forgivenTetri: 0, creditedTetri: 0 }
  if (!covers(amnesty.coverage, payer.kind)) return none
  const done = new Set(
    lines.filter((l) => l.kind === 'amnesty' && l.amnestyId === amnesty.id).map((l) => l.period),
  )
  const account = payerAccount(lines, payments, options.issuedOn, options.graceDays)
  const citation = actCitation(amnesty)
  const legalBasis = amnesty.legalActKind === 'order' ? citation : `${options.sakrebuloGenitive} ${citation}`
  const out: AmnestyResult = { ...none, lines: [] }
  for (const p of account.periods) {
    if (p.period < amnesty.fromPeriod || p.period > amnesty.toPeriod) continue
    if (p.chargedTetri <= 0 || done.has(p.period)) continue
    out.forgivenTetri += p.openTetri
    out.creditedTetri += p.settledTetri
    out.lines.push({
      payerId: payer.id,
      period: p.period,
      kind: 'amnesty',
      amountTetri: -p.chargedTetri,
      tariffVersionId: null,
      rateCode: '',
      rateTetri: 0,
      quantityHundredths: 0,
      registeredMembers: null,
      reliefPercent: 100,
      exemptionId: null,
      amnestyId: amnesty.id,
      legalBasis,
      billingRunId: null,
      relatedLineId: null,
      issuedOn: options.issuedOn,
      lineKey: amnestyKey(amnesty.id, payer.id, p.period),
    })
  }
  return out
}
