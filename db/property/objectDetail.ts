import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import { leaseArrears, rentDueBy } from '../../domain/property/leaseArrears'
import type { LeaseView, PropertyObjectDetail } from '../../domain/property/views'
import type { Db } from '../database'
import {
  propertyCadastralCode,
  propertyDocument,
  propertyLease,
  propertyLeasePayment,
  propertyObject,
} from '../schema'

/** An object with its cadastral code history, leases (with payments and arrears) and documents. */
export function propertyObjectDetail(db: Db, id: string, today: string): PropertyObjectDetail | null {
  const object = db
    .select()
    .from(propertyObject)
    .where(and(eq(propertyObject.id, id), isNull(propertyObject.deletedAt)))
    .get()
  if (!object) return null
  const { fieldVersions: _fv, deletedAt: _d, updatedBy: _u, ...fields } = object
  const cadastralCodes = db
    .select({
      id: propertyCadastralCode.id,
      code: propertyCadastralCode.code,
      validFrom: propertyCadastralCode.validFrom,
      validTo: propertyCadastralCode.validTo,
      reason: propertyCadastralCode.reason,
    })
    .from(propertyCadastralCode)
    .where(and(eq(propertyCadastralCode.objectId, id), isNull(propertyCadastralCode.deletedAt)))
    .orderBy(desc(propertyCadastralCode.validFrom))
    .all()
  const documents = db
    .select({
      id: propertyDocument.id,
      title: propertyDocument.title,
      kind: propertyDocument.kind,
      fileName: propertyDocument.fileName,
      mimeType: propertyDocument.mimeType,
      sizeBytes: propertyDocument.sizeBytes,
      sha256: propertyDocument.sha256,
      addedAt: propertyDocument.addedAt,
    })
    .from(propertyDocument)
    .where(and(eq(propertyDocument.objectId, id), isNull(propertyDocument.deletedAt)))
    .orderBy(desc(propertyDocument.addedAt))
    .all() as PropertyObjectDetail['documents']
  return {
    ...(fields as unknown as Omit<PropertyObjectDetail, 'cadastralCodes' | 'leases' | 'documents'>),
    cadastralCodes,
    leases: leasesOf(db, [id], today),
    documents,
  }
}

/** Leases of the given objects, newest first, with payments and arrears as of `today`. */
export function leasesOf(db: Db, objectIds: string[], today: string): LeaseView[] {
  if (objectIds.length === 0) return []
  const leases = db
    .select()
    .from(propertyLease)
    .where(and(inArray(propertyLease.objectId, objectIds), isNull(propertyLease.deletedAt)))
    .orderBy(desc(propertyLease.startDate))
    .all()
  if (leases.length === 0) return []
  const payments = db
    .select({
      id: propertyLeasePayment.id,
      leaseId: propertyLeasePayment.leaseId,
      paidOn: propertyLeasePayment.paidOn,
      amountTetri: propertyLeasePayment.amountTetri,
      reference: propertyLeasePayment.reference,
    })
    .from(propertyLeasePayment)
    .where(
      and(
        inArray(
          propertyLeasePayment.leaseId,
          leases.map((l) => l.id),
        ),
        isNull(propertyLeasePayment.deletedAt),
      ),
    )
    .orderBy(asc(propertyLeasePayment.paidOn))
    .all()
  return leases.map((lease) => {
    const own = payments.filter((p) => p.leaseId === lease.id).map(({ leaseId: _l, ...p }) => p)
    const paidTetri = own.reduce((sum, p) => sum + p.amountTetri, 0)
    const terms = { ...lease, schedule: lease.schedule as LeaseView['schedule'] }
    return {
      id: lease.id,
      version: lease.version,
      objectId: lease.objectId,
      contractNumber: lease.contractNumber,
      tenantKind: lease.tenantKind as LeaseView['tenantKind'],
      tenantName: lease.tenantName,
      tenantIdNumber: lease.tenantIdNumber,
      tenantPhone: lease.tenantPhone,
      startDate: lease.startDate,
      endDate: lease.endDate,
      annualRentTetri: lease.annualRentTetri,
      schedule: terms.schedule,
      legalBasis: lease.legalBasis,
      terminatedOn: lease.terminatedOn,
      dueToDateTetri: rentDueBy(terms, today),
      paidTetri,
      arrearsTetri: leaseArrears(terms, paidTetri, today),
      payments: own,
    }
  })
}
