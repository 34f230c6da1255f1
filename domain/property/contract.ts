import { z } from 'zod'
import { inDepartment } from '../auth/access'
import { defineCalls } from '../contract'
import { IsoDate } from '../georgian/dates'
import { HistoryEntry } from '../history'
import { Id } from '../text'
import {
  CadastralCodeChange,
  DocumentUpload,
  LeaseFields,
  LeasePaymentFields,
  LeaseUpdate,
  PropertyObjectCreate,
  PropertyObjectUpdate,
} from './schemas'
import {
  ExpiringLease,
  LeaseIncomeReport,
  ObjectsReport,
  PropertyListPage,
  PropertyListQuery,
  PropertyObjectDetail,
} from './views'

const byId = z.object({ id: Id }).strict()
const created = z.object({ id: Id }).strict()
const nothing = z.object({}).strict()
const read = inDepartment('property', 'read')
const write = inDepartment('property', 'write')

export const propertyCalls = defineCalls({
  list: { input: PropertyListQuery, output: PropertyListPage, access: read },
  get: { input: byId, output: PropertyObjectDetail, access: read },
  create: { input: PropertyObjectCreate, output: created, access: write },
  update: { input: PropertyObjectUpdate, output: PropertyObjectDetail, access: write },
  /** A tombstone: the object disappears from lists but its record and history stay. */
  remove: {
    input: z.object({ id: Id, version: z.number().int().nonnegative() }).strict(),
    output: nothing,
    access: inDepartment('property', 'delete'),
  },
  history: { input: byId, output: z.array(HistoryEntry), access: read },
  changeCadastralCode: { input: CadastralCodeChange, output: PropertyObjectDetail, access: write },
  createLease: { input: LeaseFields, output: created, access: write },
  updateLease: { input: LeaseUpdate, output: created, access: write },
  terminateLease: {
    input: z.object({ id: Id, version: z.number().int().nonnegative(), terminatedOn: IsoDate }).strict(),
    output: created,
    access: write,
  },
  addLeasePayment: { input: LeasePaymentFields, output: created, access: write },
  addDocument: { input: DocumentUpload, output: created, access: write },
  documentContent: {
    input: byId,
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }).strict(),
    access: read,
  },
  removeDocument: { input: byId, output: nothing, access: write },
  objectsReport: { input: nothing, output: ObjectsReport, access: inDepartment('property', 'report') },
  leaseIncomeReport: {
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    output: LeaseIncomeReport,
    access: inDepartment('property', 'report'),
  },
  expiringLeases: {
    input: z.object({ withinDays: z.number().int().min(1).max(3650) }).strict(),
    output: z.array(ExpiringLease),
    access: inDepartment('property', 'report'),
  },
})
