import { v7 as uuidv7 } from 'uuid'
import { DomainError } from '../../domain/errors'
import type { CounterPaymentFields } from '../../domain/sanitation/schemas'
import type { Db } from '../database'
import { takeNumber } from '../sync/numberPool'
import { SyncDataError } from '../sync/syncDataError'
import type { Actor, WritePath } from '../writePath'
import { livePayer } from './lookups'

/**
 * A payment at the counter: its receipt number is the next of this PC's leased `receipt` block,
 * taken in the same transaction that saves the payment, so a number is used exactly when a payment
 * is saved. `year`: the receipt year by the server's clock (electron/backend/sync/numbers.ts).
 */
export function recordCounterPayment(
  db: Db,
  write: WritePath,
  actor: Actor,
  fields: CounterPaymentFields,
  options: { year: number; today: string; now: Date },
): { id: string; receiptNumber: string } {
  if (!livePayer(db, fields.payerId)) throw new DomainError('NOT_FOUND', 'No such payer')
  if (fields.paidOn > options.today) {
    throw new DomainError('VALIDATION', 'Paid in the future', { paidOn: 'sanitation.payment.future' })
  }
  const id = uuidv7()
  try {
    const receiptNumber = db.$client.transaction(() => {
      const number = takeNumber(db, 'receipt', 'sanitation', options.year, options.now)
      write(actor, [
        {
          op: 'insert',
          entity: 'sanitationPayment',
          id,
          subjectId: fields.payerId,
          values: {
            payerId: fields.payerId,
            channel: 'counter',
            amountTetri: fields.amountTetri,
            paidOn: fields.paidOn,
            receiptNumber: number,
            bankReference: null,
            bankImportLineId: null,
            note: fields.note,
          },
        },
      ])
      return number
    })()
    return { id, receiptNumber }
  } catch (error) {
    if (error instanceof SyncDataError && error.code === 'NUMBERS_EXHAUSTED') {
      throw new DomainError('NUMBERS_EXHAUSTED', error.message, {
        receiptNumber: 'sanitation.payment.noReceiptNumbers',
      })
    }
    throw error
  }
}
