import { randomInt } from 'node:crypto'
import { maxPaymentSerial, paymentCodeOf } from '../../domain/sanitation/paymentCode'
import type { SanitationPayerRow } from '../../domain/sanitation/rows'
import type { PayerKind } from '../../domain/sanitation/vocabulary'
import type { Db } from '../database'

// What registering or changing a payer asks the store: the whole record, whether a personal number
// is already a household's, and a payment code nobody holds.

export type StoredPayer = SanitationPayerRow & { id: string; version: number }

export function storedPayer(db: Db, id: string): StoredPayer | undefined {
  return db.$client
    .prepare(
      `SELECT id, version, kind, status, payment_code AS paymentCode, name, personal_number AS personalNumber,
         company_code AS companyCode, territorial_unit_id AS territorialUnitId, street, building, apartment,
         postal_code AS postalCode, phone, registered_members AS registeredMembers, social_score AS socialScore,
         activity_category AS activityCategory, billing_unit AS billingUnit, billing_quantity AS billingQuantity,
         billed_from AS billedFrom, closed_on AS closedOn, notes
       FROM sanitation_payer WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as StoredPayer | undefined
}

/** A live household headed by this personal number (other than `exceptId`). */
export function householdOfPersonalNumber(
  db: Db,
  personalNumber: string,
  exceptId: string | null,
): string | undefined {
  return db.$client
    .prepare(
      `SELECT id FROM sanitation_payer WHERE personal_number = ? AND kind = 'household'
         AND deleted_at IS NULL AND (? IS NULL OR id <> ?) LIMIT 1`,
    )
    .pluck()
    .get(personalNumber, exceptId, exceptId) as string | undefined
}

export const paymentCodeTaken = (db: Db, code: string): boolean =>
  db.$client.prepare('SELECT 1 FROM sanitation_payer WHERE payment_code = ?').get(code) !== undefined

/** Serials below this are the ones a registry numbered in order (the demo city, a legacy import). */
const FIRST_DRAWN_SERIAL = 1_000_000

/**
 * A new payer's code. PCs register payers offline, so the serial is drawn at random from 99
 * million rather than counted: two PCs drawing the same one is about one chance in a hundred
 * million, and the server still refuses a taken code (a unique key) for a person to settle.
 */
export function newPaymentCode(db: Db, kind: PayerKind, draw = randomInt): string {
  for (;;) {
    const code = paymentCodeOf(kind, draw(FIRST_DRAWN_SERIAL, maxPaymentSerial + 1))
    if (!paymentCodeTaken(db, code)) return code
  }
}

export function territorialUnitIsLive(db: Db, id: string): boolean {
  return (
    db.$client.prepare('SELECT 1 FROM territorial_unit WHERE id = ? AND deleted_at IS NULL').get(id) !==
    undefined
  )
}
