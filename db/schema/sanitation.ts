import { sql } from 'drizzle-orm'
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { territorialUnit } from './reference'
import { replicatedColumns } from './replicated'

// The sanitation fee registry's tables (rows: domain/sanitation/rows.ts). Money is whole tetri.
// Uniqueness (payment codes, line keys, receipt numbers) is the services' check and the server's
// rule (domain/sync/entities.ts), not a constraint here: a pulled duplicate must still be stored.

const live = sql`deleted_at IS NULL`

export const sanitationPayer = sqliteTable(
  'sanitation_payer',
  {
    ...replicatedColumns(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    paymentCode: text('payment_code').notNull(),
    name: text('name').notNull(),
    personalNumber: text('personal_number'),
    companyCode: text('company_code'),
    territorialUnitId: text('territorial_unit_id')
      .notNull()
      .references(() => territorialUnit.id),
    street: text('street').notNull(),
    building: text('building').notNull(),
    apartment: text('apartment').notNull(),
    postalCode: text('postal_code'),
    phone: text('phone'),
    registeredMembers: integer('registered_members'),
    socialScore: integer('social_score'),
    activityCategory: text('activity_category'),
    billingUnit: text('billing_unit'),
    billingQuantity: real('billing_quantity'),
    billedFrom: text('billed_from').notNull(),
    closedOn: text('closed_on'),
    notes: text('notes').notNull(),
  },
  (t) => [
    index('sanitation_payer_payment_code').on(t.paymentCode).where(live),
    index('sanitation_payer_personal_number').on(t.personalNumber).where(live),
    index('sanitation_payer_company_code').on(t.companyCode).where(live),
  ],
)

export const sanitationTariffVersion = sqliteTable('sanitation_tariff_version', {
  ...replicatedColumns(),
  resolutionNumber: text('resolution_number').notNull(),
  resolutionDate: text('resolution_date').notNull(),
  effectiveFrom: text('effective_from').notNull(),
  effectiveTo: text('effective_to'),
  householdRateTetri: integer('household_rate_tetri').notNull(),
  memberCap: integer('member_cap').notNull(),
  amendsVersionId: text('amends_version_id'),
  note: text('note').notNull(),
  // Its correction lines so far (written in batches); 'issued' once the last batch is written.
  correctionsState: text('corrections_state').notNull().default('issued'),
  correctionCount: integer('correction_count').notNull().default(0),
  correctionTetri: integer('correction_tetri').notNull().default(0),
})

export const sanitationTariffRate = sqliteTable(
  'sanitation_tariff_rate',
  {
    ...replicatedColumns(),
    tariffVersionId: text('tariff_version_id')
      .notNull()
      .references(() => sanitationTariffVersion.id),
    rateKind: text('rate_kind').notNull(),
    code: text('code').notNull(),
    unit: text('unit'),
    rateTetri: integer('rate_tetri').notNull(),
    rateKey: text('rate_key').notNull(),
  },
  (t) => [index('sanitation_tariff_rate_version').on(t.tariffVersionId)],
)

export const sanitationBillingRun = sqliteTable(
  'sanitation_billing_run',
  {
    ...replicatedColumns(),
    period: text('period').notNull(),
    territorialUnitId: text('territorial_unit_id').references(() => territorialUnit.id),
    state: text('state').notNull(),
    payerCount: integer('payer_count').notNull(),
    lineCount: integer('line_count').notNull(),
    totalTetri: integer('total_tetri').notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    reversedBy: text('reversed_by').notNull(),
    reversedAt: text('reversed_at'),
    reversalReason: text('reversal_reason').notNull(),
  },
  (t) => [index('sanitation_billing_run_period').on(t.period)],
)

export const sanitationExemption = sqliteTable(
  'sanitation_exemption',
  {
    ...replicatedColumns(),
    target: text('target').notNull(),
    payerId: text('payer_id').references(() => sanitationPayer.id),
    targetCode: text('target_code'),
    reliefPercent: integer('relief_percent').notNull(),
    fromPeriod: text('from_period').notNull(),
    toPeriod: text('to_period'),
    legalActNumber: text('legal_act_number').notNull(),
    legalActDate: text('legal_act_date').notNull(),
    legalActKind: text('legal_act_kind').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('sanitation_exemption_payer').on(t.payerId)],
)

export const sanitationAmnesty = sqliteTable('sanitation_amnesty', {
  ...replicatedColumns(),
  fromPeriod: text('from_period').notNull(),
  toPeriod: text('to_period').notNull(),
  coverage: text('coverage').notNull(),
  legalActNumber: text('legal_act_number').notNull(),
  legalActDate: text('legal_act_date').notNull(),
  legalActKind: text('legal_act_kind').notNull(),
  reason: text('reason').notNull(),
  // Its lines so far (written in batches); 'granted' once the last batch is written.
  state: text('state').notNull().default('granted'),
  lineCount: integer('line_count').notNull().default(0),
  totalTetri: integer('total_tetri').notNull().default(0),
})

export const sanitationChargeLine = sqliteTable(
  'sanitation_charge_line',
  {
    ...replicatedColumns(),
    payerId: text('payer_id')
      .notNull()
      .references(() => sanitationPayer.id),
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    amountTetri: integer('amount_tetri').notNull(),
    tariffVersionId: text('tariff_version_id').references(() => sanitationTariffVersion.id),
    rateCode: text('rate_code').notNull(),
    rateTetri: integer('rate_tetri').notNull(),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    registeredMembers: integer('registered_members'),
    reliefPercent: integer('relief_percent').notNull(),
    exemptionId: text('exemption_id').references(() => sanitationExemption.id),
    amnestyId: text('amnesty_id').references(() => sanitationAmnesty.id),
    legalBasis: text('legal_basis').notNull(),
    billingRunId: text('billing_run_id').references(() => sanitationBillingRun.id),
    relatedLineId: text('related_line_id'),
    issuedOn: text('issued_on').notNull(),
    lineKey: text('line_key').notNull(),
  },
  (t) => [
    // A payer's account, period by period; a billing run's standings of one period.
    index('sanitation_charge_line_payer').on(t.payerId, t.period, t.amountTetri).where(live),
    index('sanitation_charge_line_period').on(t.period, t.payerId).where(live),
    index('sanitation_charge_line_run').on(t.billingRunId).where(live),
  ],
)

export const sanitationBankImport = sqliteTable(
  'sanitation_bank_import',
  {
    ...replicatedColumns(),
    formatCode: text('format_code').notNull(),
    fileName: text('file_name').notNull(),
    fingerprint: text('fingerprint').notNull(),
    state: text('state').notNull(),
    lineCount: integer('line_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    matchedTetri: integer('matched_tetri').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: text('imported_at').notNull(),
    confirmedAt: text('confirmed_at'),
  },
  (t) => [index('sanitation_bank_import_fingerprint').on(t.fingerprint).where(live)],
)

export const sanitationBankImportLine = sqliteTable(
  'sanitation_bank_import_line',
  {
    ...replicatedColumns(),
    importId: text('import_id')
      .notNull()
      .references(() => sanitationBankImport.id),
    rowNumber: integer('row_number').notNull(),
    status: text('status').notNull(),
    problems: text('problems').notNull(),
    payerCodeText: text('payer_code_text').notNull(),
    payerId: text('payer_id').references(() => sanitationPayer.id),
    amountTetri: integer('amount_tetri'),
    paidOn: text('paid_on'),
    reference: text('reference').notNull(),
    payerName: text('payer_name').notNull(),
    lineKey: text('line_key').notNull(),
    paymentId: text('payment_id'),
    resolvedBy: text('resolved_by').notNull(),
  },
  (t) => [
    index('sanitation_bank_import_line_import').on(t.importId, t.rowNumber).where(live),
    index('sanitation_bank_import_line_key').on(t.lineKey).where(live),
    // The clerk's queue: rows left unmatched or ambiguous.
    index('sanitation_bank_import_line_open')
      .on(t.status, t.importId)
      .where(sql`deleted_at IS NULL AND payment_id IS NULL`),
  ],
)

export const sanitationPayment = sqliteTable(
  'sanitation_payment',
  {
    ...replicatedColumns(),
    payerId: text('payer_id')
      .notNull()
      .references(() => sanitationPayer.id),
    channel: text('channel').notNull(),
    amountTetri: integer('amount_tetri').notNull(),
    paidOn: text('paid_on').notNull(),
    receiptNumber: text('receipt_number'),
    bankReference: text('bank_reference'),
    bankImportLineId: text('bank_import_line_id').references(() => sanitationBankImportLine.id),
    note: text('note').notNull(),
  },
  (t) => [
    index('sanitation_payment_payer').on(t.payerId, t.paidOn, t.amountTetri).where(live),
    index('sanitation_payment_receipt').on(t.receiptNumber).where(live),
    index('sanitation_payment_bank_reference').on(t.bankReference).where(live),
  ],
)

export const sanitationInstalmentPlan = sqliteTable(
  'sanitation_instalment_plan',
  {
    ...replicatedColumns(),
    payerId: text('payer_id')
      .notNull()
      .references(() => sanitationPayer.id),
    totalTetri: integer('total_tetri').notNull(),
    instalments: integer('instalments').notNull(),
    firstDueOn: text('first_due_on').notNull(),
    state: text('state').notNull(),
    legalActNumber: text('legal_act_number').notNull(),
    legalActDate: text('legal_act_date').notNull(),
    legalActKind: text('legal_act_kind').notNull(),
    agreedOn: text('agreed_on').notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('sanitation_instalment_plan_payer').on(t.payerId)],
)

export const sanitationInspection = sqliteTable(
  'sanitation_inspection',
  {
    ...replicatedColumns(),
    payerId: text('payer_id')
      .notNull()
      .references(() => sanitationPayer.id),
    visitedOn: text('visited_on').notNull(),
    inspector: text('inspector').notNull(),
    observedMembers: integer('observed_members'),
    observedQuantity: real('observed_quantity'),
    note: text('note').notNull(),
    approval: text('approval').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at'),
  },
  (t) => [index('sanitation_inspection_payer').on(t.payerId)],
)

// Reference data a head of the department edits (domain/sanitation/referenceRows.ts). A code is
// unique among every row, retired or not: the server's rule, and the services' check.

export const sanitationActivityCategory = sqliteTable('sanitation_activity_category', {
  ...replicatedColumns(),
  code: text('code').notNull(),
  nameKa: text('name_ka').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  retiredOn: text('retired_on'),
})

export const sanitationSocialBand = sqliteTable('sanitation_social_band', {
  ...replicatedColumns(),
  code: text('code').notNull(),
  nameKa: text('name_ka').notNull(),
  nameEn: text('name_en').notNull(),
  minScore: integer('min_score').notNull(),
  maxScore: integer('max_score').notNull(),
  retiredOn: text('retired_on'),
})

export const sanitationBankFormat = sqliteTable('sanitation_bank_format', {
  ...replicatedColumns(),
  code: text('code').notNull(),
  nameKa: text('name_ka').notNull(),
  nameEn: text('name_en').notNull(),
  /** JSON of `BankLayout`: delimiter, lines to skip, header, the column mapping, date and amount forms. */
  layout: text('layout').notNull(),
  retiredOn: text('retired_on'),
})

/**
 * Derived, never replicated: each live payer's balance and arrears with the fields the payer list
 * filters and sorts by, kept in step by the write path and the sync applier
 * (db/sanitation/accountSummary.ts). Arrears are as of `sanitation_account_state.due_before`.
 */
export const sanitationPayerAccount = sqliteTable(
  'sanitation_payer_account',
  {
    payerId: text('payer_id').primaryKey(),
    kind: text('kind').notNull(),
    territorialUnitId: text('territorial_unit_id').notNull(),
    name: text('name').notNull(),
    paymentCode: text('payment_code').notNull(),
    chargedTetri: integer('charged_tetri').notNull(),
    paidTetri: integer('paid_tetri').notNull(),
    balanceTetri: integer('balance_tetri').notNull(),
    arrearsTetri: integer('arrears_tetri').notNull(),
  },
  (t) => {
    const filters = [t.territorialUnitId, t.kind] as const
    return [
      index('sanitation_payer_account_arrears').on(t.arrearsTetri, ...filters),
      index('sanitation_payer_account_balance').on(t.balanceTetri, ...filters),
      index('sanitation_payer_account_name').on(t.name, ...filters),
      index('sanitation_payer_account_code').on(t.paymentCode, ...filters),
      index('sanitation_payer_account_unit').on(t.territorialUnitId, t.arrearsTetri, t.kind),
      index('sanitation_payer_account_kind').on(t.kind, t.arrearsTetri),
    ]
  },
)

/** One row: periods before `due_before` are overdue in `sanitation_payer_account.arrears_tetri`. */
export const sanitationAccountState = sqliteTable('sanitation_account_state', {
  id: integer('id').primaryKey(),
  dueBefore: text('due_before').notNull(),
})
