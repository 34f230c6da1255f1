import type { Db } from '../database'

// Small questions the sanitation services ask the store before they write.

export interface LivePayer {
  id: string
  kind: string
  status: string
  version: number
}

export function livePayer(db: Db, id: string): LivePayer | undefined {
  return db.$client
    .prepare('SELECT id, kind, status, version FROM sanitation_payer WHERE id = ? AND deleted_at IS NULL')
    .get(id) as LivePayer | undefined
}

/** The payer holding a payment code (live), other than `exceptId`. */
export function paymentCodeTaken(db: Db, code: string, exceptId?: string): boolean {
  return (
    db.$client
      .prepare('SELECT 1 FROM sanitation_payer WHERE payment_code = ? AND deleted_at IS NULL AND id IS NOT ?')
      .get(code, exceptId ?? null) !== undefined
  )
}

/** The highest serial used by payment codes of a kind (the first digit), to give the next one. */
export function maxPaymentSerial(db: Db, kindDigit: '1' | '2'): number {
  const code = db.$client
    .prepare(`SELECT max(payment_code) FROM sanitation_payer WHERE payment_code >= ? AND payment_code < ?`)
    .pluck()
    .get(`${kindDigit}`, `${Number(kindDigit) + 1}`) as string | null
  return code === null ? 0 : Number(code.slice(1, -1))
}
