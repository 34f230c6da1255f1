import { type ChargeLine, reversalKey, reversedIds } from './ledger'
import type { SanitationChargeLineRow } from './rows'

/**
 * The lines that reverse a billing run as a whole: one reversal for each of the run's charges and
 * for each correction made to them since, unless already reversed. The run's lines stay as they
 * were; the account nets them out. `lines`: every line of the run's period.
 */
export function runReversalLines(
  billingRunId: string,
  lines: readonly ChargeLine[],
  issuedOn: string,
): SanitationChargeLineRow[] {
  const reversed = reversedIds(lines)
  const charges = new Set(
    lines.filter((l) => l.kind === 'charge' && l.billingRunId === billingRunId).map((l) => l.id),
  )
  const out: SanitationChargeLineRow[] = []
  for (const l of lines) {
    const concerned =
      charges.has(l.id) ||
      (l.kind === 'correction' && l.relatedLineId !== null && charges.has(l.relatedLineId))
    if (!concerned || reversed.has(l.id)) continue
    const { id: _id, ...row } = l
    out.push({
      ...row,
      kind: 'reversal',
      amountTetri: -l.amountTetri,
      billingRunId,
      relatedLineId: l.id,
      issuedOn,
      lineKey: reversalKey(l.id),
    })
  }
  return out
}
