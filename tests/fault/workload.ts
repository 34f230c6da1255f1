import type { Change } from '../../db/writePath'
import { ObjectState } from '../../domain/property/vocabulary'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import type { PcCommand } from './pcProtocol'
import type { Random } from './seededRandom'

// What the clerks do: random edits of a small shared set of property objects, so PCs keep editing
// the same fields at once. Ordinary fields (last writer wins, the loser kept in a conflict) and
// guarded ones (the server value stays until a head decides), new objects, deletions (some of objects
// given a lease, which the PC refuses, or the server when the PC had not pulled the lease), and
// leases whose contract numbers come from each PC's leased number block.

/** The rows every PC may act on; grows as PCs create objects (a PC that has not pulled one yet fails). */
export interface SharedRecords {
  objects: string[]
  /** Objects some PC gave a lease (a delete of one is refused while the lease lives). */
  leased: string[]
  created: number
}

const ordinaryFields = ['name', 'street', 'building', 'notes', 'custodian', 'purpose', 'areaSqm'] as const
const guardedFields = ['state', 'bookValueTetri', 'marketValueTetri'] as const

function clerkValue(random: Random, field: string): string | number | null {
  switch (field) {
    case 'areaSqm':
      return random.int(1, 5_000) + random.int(0, 3) * 0.25
    case 'state':
      return random.pick(ObjectState.options)
    case 'bookValueTetri':
      return random.int(1, 1_000) * 10_000
    case 'marketValueTetri':
      return random.chance(0.2) ? null : random.int(1, 1_000) * 10_000
    case 'building':
      return String(random.int(1, 200))
    default:
      // A small value space on purpose: two PCs sometimes write the same value (no conflict then).
      return `${field}-${random.int(0, 40)}`
  }
}

function newObject(random: Random, shared: SharedRecords): Record<string, unknown> {
  shared.created += 1
  return {
    inventoryNumber: `FH-${random.int(0, 0xfffff).toString(16)}-${shared.created}`,
    name: clerkValue(random, 'name'),
    type: random.pick(['land', 'building', 'premises'] as const),
    propertyClass: random.pick(['basic', 'additional'] as const),
    state: clerkValue(random, 'state'),
    territorialUnitId: random.pick(initialTerritorialUnits).id,
    street: clerkValue(random, 'street'),
    building: clerkValue(random, 'building'),
    apartment: '',
    postalCode: null,
    addressNote: '',
    areaSqm: clerkValue(random, 'areaSqm'),
    purpose: '',
    bookValueTetri: clerkValue(random, 'bookValueTetri'),
    marketValueTetri: null,
    acquiredOn: '2020-03-01',
    acquisitionMethod: 'purchase',
    acquisitionAct: '',
    custodian: '',
    notes: '',
  }
}

function leaseValues(random: Random, objectId: string): Record<string, unknown> {
  const year = random.int(2024, 2027)
  return {
    objectId,
    tenantKind: 'company',
    tenantName: `შპს ${random.int(1, 500)}`,
    tenantIdNumber: String(random.int(200_000_000, 299_999_999)),
    tenantPhone: null,
    startDate: `${year}-01-01`,
    endDate: `${year + 2}-01-01`,
    annualRentTetri: random.int(1, 500) * 10_000,
    schedule: 'monthly',
    legalBasis: '',
    terminatedOn: null,
  }
}

function edit(random: Random, shared: SharedRecords): Change[] {
  const id = random.pick(shared.objects)
  const kind = random.next()
  const fields =
    kind < 0.55
      ? [random.pick(ordinaryFields)]
      : kind < 0.85
        ? [random.pick(guardedFields)]
        : [random.pick(ordinaryFields), random.pick(guardedFields)]
  const values = Object.fromEntries(fields.map((f) => [f, clerkValue(random, f)]))
  return [{ op: 'update', entity: 'propertyObject', id, values }]
}

/** The next thing a clerk on some PC does. */
export function nextClerkAction(random: Random, shared: SharedRecords): PcCommand {
  const roll = random.next()
  if (roll < 0.1 || shared.objects.length === 0) {
    const id = random.uuid()
    shared.objects.push(id)
    return {
      cmd: 'write',
      saves: [[{ op: 'insert', entity: 'propertyObject', id, values: newObject(random, shared) }]],
    }
  }
  if (roll < 0.14) {
    const from = roll >= 0.125 && shared.leased.length > 0 ? shared.leased : shared.objects
    return {
      cmd: 'write',
      saves: [[{ op: 'delete', entity: 'propertyObject', id: random.pick(from) }]],
    }
  }
  if (roll < 0.22) {
    const rowId = random.uuid()
    const objectId = random.pick(shared.objects)
    shared.leased.push(objectId)
    return { cmd: 'lease', rowId, values: leaseValues(random, objectId) }
  }
  if (roll < 0.28) return burst(random, shared)
  return { cmd: 'write', saves: [edit(random, shared)] }
}

/** Several saves in a row: what a kill -9 is aimed at, so it lands between or inside transactions. */
export function burst(random: Random, shared: SharedRecords): PcCommand {
  const count = random.int(4, 12)
  return { cmd: 'write', saves: Array.from({ length: count }, () => edit(random, shared)) }
}
