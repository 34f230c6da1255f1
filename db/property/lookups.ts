import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../database'
import {
  propertyCadastralCode,
  propertyDocument,
  propertyLease,
  propertyObject,
  territorialUnit,
} from '../schema'

/** Small reads the property service needs to check a change before it asks the write path. */

export function liveObject(db: Db, id: string) {
  return db
    .select()
    .from(propertyObject)
    .where(and(eq(propertyObject.id, id), isNull(propertyObject.deletedAt)))
    .get()
}

export function objectEverExisted(db: Db, id: string): boolean {
  return (
    db.select({ id: propertyObject.id }).from(propertyObject).where(eq(propertyObject.id, id)).get() !==
    undefined
  )
}

export function inventoryNumberTaken(db: Db, inventoryNumber: string, exceptId?: string): boolean {
  const conditions = [eq(propertyObject.inventoryNumber, inventoryNumber), isNull(propertyObject.deletedAt)]
  if (exceptId) conditions.push(ne(propertyObject.id, exceptId))
  return (
    db
      .select({ id: propertyObject.id })
      .from(propertyObject)
      .where(and(...conditions))
      .get() !== undefined
  )
}

export function territorialUnitExists(db: Db, id: string): boolean {
  return (
    db
      .select({ id: territorialUnit.id })
      .from(territorialUnit)
      .where(and(eq(territorialUnit.id, id), isNull(territorialUnit.deletedAt)))
      .get() !== undefined
  )
}

export function currentCadastralCode(db: Db, objectId: string) {
  return db
    .select()
    .from(propertyCadastralCode)
    .where(
      and(
        eq(propertyCadastralCode.objectId, objectId),
        isNull(propertyCadastralCode.validTo),
        isNull(propertyCadastralCode.deletedAt),
      ),
    )
    .get()
}

/** Another object's current code equal to `code`, if any. */
export function cadastralCodeHolder(db: Db, code: string, exceptObjectId?: string): string | null {
  const conditions = [
    eq(propertyCadastralCode.code, code),
    isNull(propertyCadastralCode.validTo),
    isNull(propertyCadastralCode.deletedAt),
  ]
  if (exceptObjectId) conditions.push(ne(propertyCadastralCode.objectId, exceptObjectId))
  return (
    db
      .select({ objectId: propertyCadastralCode.objectId })
      .from(propertyCadastralCode)
      .where(and(...conditions))
      .get()?.objectId ?? null
  )
}

export function liveLease(db: Db, id: string) {
  return db
    .select()
    .from(propertyLease)
    .where(and(eq(propertyLease.id, id), isNull(propertyLease.deletedAt)))
    .get()
}

export function contractNumberTaken(db: Db, contractNumber: string, exceptId?: string): boolean {
  const conditions = [eq(propertyLease.contractNumber, contractNumber), isNull(propertyLease.deletedAt)]
  if (exceptId) conditions.push(ne(propertyLease.id, exceptId))
  return (
    db
      .select({ id: propertyLease.id })
      .from(propertyLease)
      .where(and(...conditions))
      .get() !== undefined
  )
}

export function liveDocument(db: Db, id: string) {
  return db
    .select()
    .from(propertyDocument)
    .where(and(eq(propertyDocument.id, id), isNull(propertyDocument.deletedAt)))
    .get()
}

/**
 * The live rows that are part of an object itself, its cadastral codes (current and past) and its
 * documents: deleting the object deletes them with it. Its leases are not: a lease is a contract
 * with a tenant, and while one is on record the object cannot be deleted.
 */
export function ownRowsOfObject(db: Db, objectId: string) {
  const codes = db
    .select({ id: propertyCadastralCode.id })
    .from(propertyCadastralCode)
    .where(and(eq(propertyCadastralCode.objectId, objectId), isNull(propertyCadastralCode.deletedAt)))
    .all()
  const documents = db
    .select({ id: propertyDocument.id })
    .from(propertyDocument)
    .where(and(eq(propertyDocument.objectId, objectId), isNull(propertyDocument.deletedAt)))
    .all()
  return { codes: codes.map((r) => r.id), documents: documents.map((r) => r.id) }
}
