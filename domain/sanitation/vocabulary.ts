import { z } from 'zod'

// The closed lists of the sanitation fee registry. Lists an administrator edits (activity categories,
// social-score bands, bank-file formats) are reference data in `referenceData.ts`, not enums.

/** A household pays per registered member; an organisation per unit of its activity. */
export const PayerKind = z.enum(['household', 'organisation'])
export type PayerKind = z.infer<typeof PayerKind>

/** `vacant`: a dwelling nobody lives in (research/domain.md 1.8); whether it is charged is a setting. */
export const PayerStatus = z.enum(['active', 'vacant', 'closed'])
export type PayerStatus = z.infer<typeof PayerStatus>

/** What an organisation's quantity counts: floor area, waste volume, seats or beds. */
export const BillingUnit = z.enum(['sqm', 'cbm', 'seat', 'bed'])
export type BillingUnit = z.infer<typeof BillingUnit>

/**
 * charge: the monthly fee; correction: the difference a retroactive tariff amendment makes;
 * reversal: cancels one earlier line exactly; amnesty: cancels what a period amnesty forgives.
 */
export const ChargeKind = z.enum(['charge', 'correction', 'reversal', 'amnesty'])
export type ChargeKind = z.infer<typeof ChargeKind>

/** running: lines are being written (a cancelled run keeps what it wrote; a re-run finishes it). */
export const BillingRunState = z.enum(['running', 'completed', 'cancelled', 'reversed'])
export type BillingRunState = z.infer<typeof BillingRunState>

export const PaymentChannel = z.enum(['counter', 'bank'])
export type PaymentChannel = z.infer<typeof PaymentChannel>

/** A bank import is read and checked first (dry run); nothing is written until a clerk confirms. */
export const BankImportState = z.enum(['dryRun', 'confirmed', 'discarded'])
export type BankImportState = z.infer<typeof BankImportState>

/**
 * matched: one payer, booked as a payment; unmatched / ambiguous: waits in the clerk's queue;
 * duplicate: the same bank transaction was imported before (or twice in this file); invalid: the
 * row could not be read (its problems say why).
 */
export const BankLineStatus = z.enum(['matched', 'unmatched', 'ambiguous', 'duplicate', 'invalid'])
export type BankLineStatus = z.infer<typeof BankLineStatus>

/** Why a bank-file row is not simply matched: each is an i18n key `sanitation.bankProblem.<code>`. */
export const BankLineProblem = z.enum([
  'missingColumn',
  'emptyPayerCode',
  'badAmount',
  'negativeAmount',
  'absurdAmount',
  'badDate',
  'futureDate',
  'duplicateRow',
  'alreadyImported',
  'unknownPayerCode',
  'badCheckDigit',
  'severalPayers',
])
export type BankLineProblem = z.infer<typeof BankLineProblem>

export const InstalmentPlanState = z.enum(['active', 'completed', 'cancelled', 'defaulted'])
export type InstalmentPlanState = z.infer<typeof InstalmentPlanState>

/** An exemption relieves one payer, every payer of an activity category or social band, or all households. */
export const ExemptionTarget = z.enum(['payer', 'activityCategory', 'socialBand', 'allHouseholds'])
export type ExemptionTarget = z.infer<typeof ExemptionTarget>

/** Which payers a period amnesty covers. */
export const AmnestyCoverage = z.enum(['households', 'organisations', 'all'])
export type AmnestyCoverage = z.infer<typeof AmnestyCoverage>

/** An amnesty's lines are written in batches: 'granting' until the last one is (or when interrupted). */
export const AmnestyState = z.enum(['granting', 'granted'])
export type AmnestyState = z.infer<typeof AmnestyState>

/** A tariff version's correction lines, written in batches like an amnesty's. */
export const CorrectionsState = z.enum(['issuing', 'issued'])
export type CorrectionsState = z.infer<typeof CorrectionsState>

/** An inspector's observation waits for a supervisor before it changes the payer. */
export const ApprovalState = z.enum(['pending', 'approved', 'rejected'])
export type ApprovalState = z.infer<typeof ApprovalState>
