import { sql } from 'drizzle-orm'
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { territorialUnit } from './reference'
import { replicatedColumns } from './replicated'

export const propertyObject = sqliteTable(
  'property_object',
  {
    ...replicatedColumns(),
    inventoryNumber: text('inventory_number').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    propertyClass: text('property_class').notNull(),
    state: text('state').notNull(),
    territorialUnitId: text('territorial_unit_id')
      .notNull()
      .references(() => territorialUnit.id),
    street: text('street').notNull(),
    building: text('building').notNull(),
    apartment: text('apartment').notNull(),
    postalCode: text('postal_code'),
    addressNote: text('address_note').notNull(),
    areaSqm: real('area_sqm'),
    purpose: text('purpose').notNull(),
    bookValueTetri: integer('book_value_tetri').notNull(),
    marketValueTetri: integer('market_value_tetri'),
    acquiredOn: text('acquired_on'),
    acquisitionMethod: text('acquisition_method').notNull(),
    acquisitionAct: text('acquisition_act').notNull(),
    custodian: text('custodian').notNull(),
    notes: text('notes').notNull(),
  },
  (t) => {
    // The list screen's indexes (db/property/listObjects.ts). All are partial (live rows only), so
    // counts and deep pages never read the wide rows. Each sort index carries the three filter
    // columns after its sort key, so a filtered page is found in the index alone; the list orders
    // ties by the rest of the index and then rowid, which is the index's own order.
    const live = sql`deleted_at IS NULL`
    const filters = [t.type, t.state, t.territorialUnitId] as const
    return [
      index('property_object_inventory')
        .on(t.inventoryNumber, ...filters)
        .where(live),
      index('property_object_name')
        .on(t.name, ...filters)
        .where(live),
      index('property_object_address')
        .on(t.street, t.building, t.apartment, ...filters)
        .where(live),
      index('property_object_area')
        .on(t.areaSqm, ...filters)
        .where(live),
      index('property_object_book_value')
        .on(t.bookValueTetri, ...filters)
        .where(live),
      index('property_object_updated')
        .on(t.updatedAt, ...filters)
        .where(live),
      index('property_object_type').on(t.type, t.state, t.territorialUnitId).where(live),
      index('property_object_state').on(t.state, t.territorialUnitId, t.type).where(live),
      index('property_object_unit').on(t.territorialUnitId, t.type, t.state).where(live),
    ]
  },
)

export const propertyCadastralCode = sqliteTable(
  'property_cadastral_code',
  {
    ...replicatedColumns(),
    objectId: text('object_id')
      .notNull()
      .references(() => propertyObject.id),
    code: text('code').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('property_cadastral_code_object').on(t.objectId),
    index('property_cadastral_code_code').on(t.code),
  ],
)

export const propertyLease = sqliteTable(
  'property_lease',
  {
    ...replicatedColumns(),
    objectId: text('object_id')
      .notNull()
      .references(() => propertyObject.id),
    contractNumber: text('contract_number').notNull(),
    tenantKind: text('tenant_kind').notNull(),
    tenantName: text('tenant_name').notNull(),
    tenantIdNumber: text('tenant_id_number').notNull(),
    tenantPhone: text('tenant_phone'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    annualRentTetri: integer('annual_rent_tetri').notNull(),
    schedule: text('schedule').notNull(),
    legalBasis: text('legal_basis').notNull(),
    terminatedOn: text('terminated_on'),
  },
  (t) => [index('property_lease_object').on(t.objectId), index('property_lease_end').on(t.endDate)],
)

export const propertyLeasePayment = sqliteTable(
  'property_lease_payment',
  {
    ...replicatedColumns(),
    leaseId: text('lease_id')
      .notNull()
      .references(() => propertyLease.id),
    paidOn: text('paid_on').notNull(),
    amountTetri: integer('amount_tetri').notNull(),
    reference: text('reference').notNull(),
  },
  (t) => [index('property_lease_payment_lease').on(t.leaseId)],
)

/** A scanned file's record; the bytes live under the user-data folder, named by their SHA-256. */
export const propertyDocument = sqliteTable(
  'property_document',
  {
    ...replicatedColumns(),
    objectId: text('object_id')
      .notNull()
      .references(() => propertyObject.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('property_document_object').on(t.objectId)],
)
