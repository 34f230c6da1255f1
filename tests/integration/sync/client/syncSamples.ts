import { v7 as uuidv7 } from 'uuid'
import type { ChangeEntry, ServerRow } from '../../../../domain/sync/protocol'
import { sampleObject } from '../../../support/propertySamples'

// Server-side shapes for the PC's sync tests: rows and change-log entries as the server sends them.

export const clerk = { userId: '0190a3c0-0000-7000-8000-0000000000c1', userName: 'ნინო კაპანაძე' }
export const otherDevice = '0190a3c0-0000-7000-8000-00000000dd02'
export const unitId = '0190a3c0-0000-7000-8000-000000000101'

export function unitRow(snapshotSeq = 1, id = unitId): ServerRow {
  return {
    entity: 'territorialUnit',
    rowId: id,
    scope: 'reference',
    values: { code: `U${id.slice(-3)}`, nameKa: 'რუსთავი I', nameEn: 'Rustavi I' },
    fieldVersions: { '*': snapshotSeq },
    deletedAt: null,
  }
}

/** An object's columns (sampleObject's cadastral code is a row of its own). */
export function objectValues(overrides: Record<string, string | number | null> = {}) {
  const { cadastralCode: _code, ...values } = sampleObject(unitId)
  return { ...values, ...overrides }
}

export function entry(partial: Partial<ChangeEntry> & Pick<ChangeEntry, 'seq' | 'rowId'>): ChangeEntry {
  return {
    txSeq: partial.seq,
    scope: 'property',
    entity: 'propertyObject',
    op: 'patch',
    values: {},
    deletedAt: null,
    originDevice: otherDevice,
    originMutation: uuidv7(),
    userId: '0190a3c0-0000-7000-8000-0000000000d1',
    userName: 'გიორგი მამულაშვილი',
    at: '2026-03-02T09:00:00.000Z',
    ...partial,
  }
}

/** A whole object as a put entry (a row new to the PC). */
export function objectPut(
  seq: number,
  rowId = uuidv7(),
  overrides: Record<string, string | number | null> = {},
) {
  return entry({ seq, rowId, op: 'put', values: objectValues(overrides), fieldVersions: { '*': seq } })
}
