import { z } from 'zod'
import { IsoDate } from '../georgian/dates'
import { CadastralCode, CompanyCode, PersonalNumber, Phone, PostalCode } from '../georgian/identifiers'
import { Tetri } from '../georgian/money'
import { Id, LongText, OptionalText, ShortText } from '../text'
import {
  AcquisitionMethod,
  DocumentKind,
  ObjectState,
  ObjectType,
  PropertyClass,
  RentSchedule,
  TenantKind,
} from './vocabulary'

export const InventoryNumber = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(30, 'validation.tooLong')
  .regex(/^[A-Za-z0-9\u10D0-\u10FF][A-Za-z0-9\u10D0-\u10FF./-]*$/, 'property.inventoryNumber.invalid')

/** Area in square metres with at most two decimals. */
export const AreaSqm = z
  .number()
  .nonnegative()
  .max(100_000_000, 'validation.tooBig')
  .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), 'property.area.precision')

/** The fields a clerk fills in for a property object; the same schema validates the form and the call. */
export const PropertyObjectFields = z
  .object({
    inventoryNumber: InventoryNumber,
    name: ShortText,
    type: ObjectType,
    propertyClass: PropertyClass,
    state: ObjectState,
    territorialUnitId: Id,
    street: ShortText,
    building: OptionalText(20),
    apartment: OptionalText(20),
    postalCode: PostalCode.nullable(),
    addressNote: OptionalText(300),
    areaSqm: AreaSqm.nullable(),
    purpose: OptionalText(300),
    bookValueTetri: Tetri,
    marketValueTetri: Tetri.nullable(),
    acquiredOn: IsoDate.nullable(),
    acquisitionMethod: AcquisitionMethod,
    acquisitionAct: OptionalText(200),
    custodian: OptionalText(200),
    notes: LongText,
  })
  .strict()
export type PropertyObjectFields = z.infer<typeof PropertyObjectFields>

export const PropertyObjectCreate = PropertyObjectFields.extend({
  /** A new object is registered with its current cadastral code, when it has one. */
  cadastralCode: CadastralCode.nullable(),
}).strict()
export type PropertyObjectCreate = z.infer<typeof PropertyObjectCreate>

export const PropertyObjectUpdate = z
  .object({
    id: Id,
    /** The row version the clerk's form was loaded from; a different one means someone saved meanwhile. */
    version: z.number().int().nonnegative(),
    changes: PropertyObjectFields.partial().strict(),
  })
  .strict()
export type PropertyObjectUpdate = z.infer<typeof PropertyObjectUpdate>

export const CadastralCodeRecord = z
  .object({
    id: Id,
    code: z.string(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    reason: z.string(),
  })
  .strict()
export type CadastralCodeRecord = z.infer<typeof CadastralCodeRecord>

export const CadastralCodeChange = z
  .object({
    objectId: Id,
    code: CadastralCode,
    validFrom: IsoDate,
    reason: ShortText,
  })
  .strict()
export type CadastralCodeChange = z.infer<typeof CadastralCodeChange>

const leaseShape = {
  objectId: Id,
  contractNumber: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  tenantKind: TenantKind,
  tenantName: ShortText,
  tenantIdNumber: z.string().max(11, 'validation.tooLong'),
  tenantPhone: Phone.nullable(),
  startDate: IsoDate,
  endDate: IsoDate,
  annualRentTetri: Tetri.refine((v) => v > 0, 'property.lease.rentPositive'),
  schedule: RentSchedule,
  legalBasis: OptionalText(200),
}

/** A tenant's identifier is a personal number for a person and a company code for a company. */
const leaseRules = <
  T extends { tenantKind?: TenantKind; tenantIdNumber?: string; startDate?: string; endDate?: string },
>(
  lease: T,
  ctx: z.RefinementCtx,
) => {
  if (lease.tenantKind && lease.tenantIdNumber !== undefined) {
    const schema = lease.tenantKind === 'person' ? PersonalNumber : CompanyCode
    if (!schema.safeParse(lease.tenantIdNumber).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['tenantIdNumber'],
        message:
          lease.tenantKind === 'person' ? 'georgian.personalNumber.invalid' : 'georgian.companyCode.invalid',
      })
    }
  }
  if (lease.startDate && lease.endDate && lease.endDate <= lease.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'property.lease.endBeforeStart' })
  }
}

export const LeaseFields = z.object(leaseShape).strict().superRefine(leaseRules)
export type LeaseFields = z.infer<typeof LeaseFields>

export const LeaseUpdate = z
  .object({
    id: Id,
    version: z.number().int().nonnegative(),
    changes: z.object(leaseShape).omit({ objectId: true }).partial().strict().superRefine(leaseRules),
  })
  .strict()
export type LeaseUpdate = z.infer<typeof LeaseUpdate>

export const LeasePaymentFields = z
  .object({
    leaseId: Id,
    paidOn: IsoDate,
    amountTetri: Tetri.refine((v) => v > 0, 'property.payment.amountPositive'),
    reference: OptionalText(60),
  })
  .strict()
export type LeasePaymentFields = z.infer<typeof LeasePaymentFields>

/** Scanned files are limited to 20 MB each; base64 makes that about 27 MB on the wire. */
export const maxDocumentBytes = 20 * 1024 * 1024

export const DocumentUpload = z
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
    contentBase64: z
      .string()
      .min(1, 'validation.required')
      .max(Math.ceil(maxDocumentBytes / 3) * 4, 'property.document.tooLarge')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.invalidFormat'),
  })
  .strict()
export type DocumentUpload = z.infer<typeof DocumentUpload>
