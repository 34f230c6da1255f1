import { z } from 'zod'
import { IsoDate } from '../georgian/dates'
import { CadastralCode, Phone } from '../georgian/identifiers'
import { Tetri } from '../georgian/money'
import { Id, OptionalText, ShortText } from '../text'
import { PropertyObjectFields } from './schemas'
import { DocumentKind, RentSchedule, TenantKind } from './vocabulary'

// The full stored rows of the property registry's replicated tables (db/schema/property.ts, without
// the system columns): what a PC pushes and the server keeps. Cross-field rules live beside each
// shape, so a merged row (fields from different PCs) is checked as a whole.

export const PropertyObjectRow = PropertyObjectFields
export type PropertyObjectRow = z.infer<typeof PropertyObjectRow>

export const PropertyCadastralCodeRow = z
  .object({
    objectId: Id,
    code: CadastralCode,
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    reason: ShortText,
  })
  .strict()
export type PropertyCadastralCodeRow = z.infer<typeof PropertyCadastralCodeRow>

export const PropertyLeaseRow = z
  .object({
    objectId: Id,
    contractNumber: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
    tenantKind: TenantKind,
    tenantName: ShortText,
    tenantIdNumber: z.string().regex(/^\d{9}$|^\d{11}$/, 'validation.invalidFormat'),
    tenantPhone: Phone.nullable(),
    startDate: IsoDate,
    endDate: IsoDate,
    annualRentTetri: Tetri.refine((v) => v > 0, 'property.lease.rentPositive'),
    schedule: RentSchedule,
    legalBasis: OptionalText(200),
    terminatedOn: IsoDate.nullable(),
  })
  .strict()
export type PropertyLeaseRow = z.infer<typeof PropertyLeaseRow>

/** A whole lease: dates in order, the tenant's identifier of the tenant's kind. */
export function checkLeaseRow(row: PropertyLeaseRow, ctx: z.RefinementCtx): void {
  const idLength = row.tenantKind === 'person' ? 11 : 9
  if (row.tenantIdNumber.length !== idLength) {
    ctx.addIssue({
      code: 'custom',
      path: ['tenantIdNumber'],
      message:
        row.tenantKind === 'person' ? 'georgian.personalNumber.invalid' : 'georgian.companyCode.invalid',
    })
  }
  if (row.endDate <= row.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'property.lease.endBeforeStart' })
  }
  if (row.terminatedOn !== null && row.terminatedOn < row.startDate) {
    ctx.addIssue({ code: 'custom', path: ['terminatedOn'], message: 'property.lease.terminatedBeforeStart' })
  }
}

export const PropertyLeasePaymentRow = z
  .object({
    leaseId: Id,
    paidOn: IsoDate,
    amountTetri: Tetri.refine((v) => v > 0, 'property.payment.amountPositive'),
    reference: OptionalText(60),
  })
  .strict()
export type PropertyLeasePaymentRow = z.infer<typeof PropertyLeasePaymentRow>

export const PropertyDocumentRow = z
  .object({
    objectId: Id,
    title: ShortText,
    kind: DocumentKind,
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^/\\\0]+$/, 'property.document.fileName'),
    mimeType: z
      .string()
      .max(100)
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'validation.invalidFormat'),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalidFormat'),
    addedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
export type PropertyDocumentRow = z.infer<typeof PropertyDocumentRow>
