import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../../../db/database'
import { historyOf } from '../../../db/history'
import { listPropertyObjects } from '../../../db/property/listObjects'
import {
  cadastralCodeHolder,
  contractNumberTaken,
  currentCadastralCode,
  inventoryNumberTaken,
  liveDocument,
  liveLease,
  liveObject,
  objectEverExisted,
  ownRowsOfObject,
  territorialUnitExists,
} from '../../../db/property/lookups'
import { propertyObjectDetail } from '../../../db/property/objectDetail'
import { expiringLeases, leaseIncomeReport, objectsReport } from '../../../db/property/reports'
import type { Actor, Change, WritePath } from '../../../db/writePath'
import { DomainError } from '../../../domain/errors'
import { addDays, isoDateInTbilisi } from '../../../domain/georgian/dates'
import type { propertyCalls } from '../../../domain/property/contract'
import type { CallScope, Handlers } from '../dispatch'
import type { DocumentStore } from './documentStore'

export interface PropertyServiceDeps {
  db: Db
  write: WritePath
  documents: DocumentStore
  now: () => Date
}

const actorOf = (scope: CallScope): Actor => {
  if (!scope.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first')
  return { userId: scope.principal.userId, userName: scope.principal.userName }
}

const invalid = (field: string, key: string) =>
  new DomainError('VALIDATION', `Invalid ${field}`, { [field]: key })
const duplicate = (field: string, key: string) =>
  new DomainError('DUPLICATE', `Duplicate ${field}`, { [field]: key })

/** The property registry's calls: each checks what only the database knows, then asks the write path. */
export function propertyService(
  deps: PropertyServiceDeps,
): Handlers<{ property: typeof propertyCalls }>['property'] {
  const { db, write, documents, now } = deps
  const today = () => isoDateInTbilisi(now().getTime())

  const detail = (id: string) => {
    const found = propertyObjectDetail(db, id, today())
    if (!found) throw new DomainError('NOT_FOUND', 'No such object')
    return found
  }
  const requireObject = (id: string) => {
    const object = liveObject(db, id)
    if (!object) throw new DomainError('NOT_FOUND', 'No such object')
    return object
  }
  const requireLease = (id: string) => {
    const lease = liveLease(db, id)
    if (!lease) throw new DomainError('NOT_FOUND', 'No such lease')
    return lease
  }

  return {
    list: (query) => listPropertyObjects(db, query, today()),

    get: ({ id }) => detail(id),

    create({ cadastralCode, ...fields }, scope) {
      if (inventoryNumberTaken(db, fields.inventoryNumber)) {
        throw duplicate('inventoryNumber', 'property.inventoryNumber.duplicate')
      }
      if (!territorialUnitExists(db, fields.territorialUnitId)) {
        throw invalid('territorialUnitId', 'property.territorialUnit.unknown')
      }
      if (cadastralCode && cadastralCodeHolder(db, cadastralCode)) {
        throw duplicate('cadastralCode', 'property.cadastralCode.duplicate')
      }
      const id = uuidv7()
      const changes: Change[] = [{ op: 'insert', entity: 'propertyObject', id, values: fields }]
      if (cadastralCode) {
        changes.push({
          op: 'insert',
          entity: 'propertyCadastralCode',
          subjectId: id,
          values: {
            objectId: id,
            code: cadastralCode,
            validFrom: fields.acquiredOn ?? today(),
            validTo: null,
            reason: 'registration',
          },
        })
      }
      write(actorOf(scope), changes)
      return { id }
    },

    update({ id, version, changes }, scope) {
      requireObject(id)
      if (changes.inventoryNumber && inventoryNumberTaken(db, changes.inventoryNumber, id)) {
        throw duplicate('inventoryNumber', 'property.inventoryNumber.duplicate')
      }
      if (changes.territorialUnitId && !territorialUnitExists(db, changes.territorialUnitId)) {
        throw invalid('territorialUnitId', 'property.territorialUnit.unknown')
      }
      write(actorOf(scope), [
        { op: 'update', entity: 'propertyObject', id, values: changes, expectedVersion: version },
      ])
      return detail(id)
    },

    remove({ id, version }, scope) {
      requireObject(id)
      // Its codes and documents go with it, in the same save; a lease on record still holds it
      // (HAS_CHILDREN from the write path, naming the leases).
      const own = ownRowsOfObject(db, id)
      write(actorOf(scope), [
        ...own.codes.map(
          (code): Change => ({ op: 'delete', entity: 'propertyCadastralCode', id: code, subjectId: id }),
        ),
        ...own.documents.map(
          (doc): Change => ({ op: 'delete', entity: 'propertyDocument', id: doc, subjectId: id }),
        ),
        { op: 'delete', entity: 'propertyObject', id, expectedVersion: version },
      ])
      return {}
    },

    history({ id }) {
      if (!objectEverExisted(db, id)) throw new DomainError('NOT_FOUND', 'No such object')
      return historyOf(db, id)
    },

    changeCadastralCode({ objectId, code, validFrom, reason }, scope) {
      requireObject(objectId)
      const current = currentCadastralCode(db, objectId)
      if (current?.code === code) throw invalid('code', 'property.cadastralCode.unchanged')
      if (current && validFrom <= current.validFrom)
        throw invalid('validFrom', 'property.cadastralCode.notAfterCurrent')
      if (cadastralCodeHolder(db, code, objectId)) throw duplicate('code', 'property.cadastralCode.duplicate')
      const changes: Change[] = []
      if (current) {
        changes.push({
          op: 'update',
          entity: 'propertyCadastralCode',
          id: current.id,
          subjectId: objectId,
          values: { validTo: validFrom },
        })
      }
      changes.push({
        op: 'insert',
        entity: 'propertyCadastralCode',
        subjectId: objectId,
        values: { objectId, code, validFrom, validTo: null, reason },
      })
      write(actorOf(scope), changes)
      return detail(objectId)
    },

    createLease(lease, scope) {
      const object = requireObject(lease.objectId)
      if (contractNumberTaken(db, lease.contractNumber)) {
        throw duplicate('contractNumber', 'property.lease.contractDuplicate')
      }
      const changes: Change[] = [
        {
          op: 'insert',
          entity: 'propertyLease',
          subjectId: lease.objectId,
          values: { ...lease, terminatedOn: null },
        },
      ]
      const running = lease.startDate <= today() && lease.endDate >= today()
      if (running && object.state === 'vacant') {
        changes.push({ op: 'update', entity: 'propertyObject', id: object.id, values: { state: 'leased' } })
      }
      const [written] = write(actorOf(scope), changes)
      return { id: written!.id }
    },

    updateLease({ id, version, changes }, scope) {
      const lease = requireLease(id)
      const merged = { ...lease, ...changes }
      if (merged.endDate <= merged.startDate) throw invalid('endDate', 'property.lease.endBeforeStart')
      if (changes.contractNumber && contractNumberTaken(db, changes.contractNumber, id)) {
        throw duplicate('contractNumber', 'property.lease.contractDuplicate')
      }
      write(actorOf(scope), [
        {
          op: 'update',
          entity: 'propertyLease',
          id,
          subjectId: lease.objectId,
          values: changes,
          expectedVersion: version,
        },
      ])
      return { id }
    },

    terminateLease({ id, version, terminatedOn }, scope) {
      const lease = requireLease(id)
      if (lease.terminatedOn) throw invalid('terminatedOn', 'property.lease.alreadyTerminated')
      if (terminatedOn < lease.startDate)
        throw invalid('terminatedOn', 'property.lease.terminatedBeforeStart')
      write(actorOf(scope), [
        {
          op: 'update',
          entity: 'propertyLease',
          id,
          subjectId: lease.objectId,
          values: { terminatedOn },
          expectedVersion: version,
        },
      ])
      return { id }
    },

    addLeasePayment(payment, scope) {
      const lease = requireLease(payment.leaseId)
      const [written] = write(actorOf(scope), [
        { op: 'insert', entity: 'propertyLeasePayment', subjectId: lease.objectId, values: payment },
      ])
      return { id: written!.id }
    },

    addDocument({ contentBase64, ...document }, scope) {
      requireObject(document.objectId)
      const content = Buffer.from(contentBase64, 'base64')
      if (content.length === 0) throw invalid('contentBase64', 'validation.required')
      const stored = documents.put(content)
      const [written] = write(actorOf(scope), [
        {
          op: 'insert',
          entity: 'propertyDocument',
          subjectId: document.objectId,
          values: { ...document, ...stored, addedAt: now().toISOString() },
        },
      ])
      return { id: written!.id }
    },

    documentContent({ id }) {
      const document = liveDocument(db, id)
      if (!document) throw new DomainError('NOT_FOUND', 'No such document')
      const content = documents.get(document.sha256)
      if (!content) throw new DomainError('NOT_FOUND', 'The document file is missing on this PC')
      return {
        fileName: document.fileName,
        mimeType: document.mimeType,
        contentBase64: content.toString('base64'),
      }
    },

    removeDocument({ id }, scope) {
      const document = liveDocument(db, id)
      if (!document) throw new DomainError('NOT_FOUND', 'No such document')
      write(actorOf(scope), [{ op: 'delete', entity: 'propertyDocument', id, subjectId: document.objectId }])
      return {}
    },

    objectsReport: () => objectsReport(db),

    leaseIncomeReport: ({ year }) => leaseIncomeReport(db, year, today()),

    expiringLeases: ({ withinDays }) => expiringLeases(db, today(), addDays(today(), withinDays)),
  }
}
