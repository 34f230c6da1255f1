import { conflictValueText } from '../../domain/sync/conflictRow'
import type { FieldValue } from '../../domain/sync/protocol'
import type { AckedSave, Add, CheckInput } from './checker'
import type { EditOrder } from './editOrder'

// A conflict record between two edits of a field where one was made on top of the other is noise a
// head has to clear by hand. A record names its two sides by value and device, not by mutation; so
// each side is every save of that value by that device on that field, and a record counts as
// spurious only when every pairing of them is sequential (a side no save explains is left alone).

const KINDS = new Set(['concurrentEdit', 'guardedField'])

export function checkSpuriousConflicts({ history, server }: CheckInput, order: EditOrder, add: Add): void {
  const writes = new Map<string, AckedSave[]>()
  for (const save of history) {
    if (save.op === 'delete' || order.finalSeq(save) === null) continue
    for (const [field, value] of Object.entries(save.fields)) {
      const key = `${save.entity}/${save.rowId}/${field}/${save.deviceId}/${conflictValueText((value ?? null) as FieldValue)}`
      const list = writes.get(key) ?? []
      list.push(save)
      writes.set(key, list)
    }
  }
  for (const record of server.records.values()) {
    const v = record.values
    if (record.entity !== 'syncConflict' || !KINDS.has(String(v.kind)) || v.field === null) continue
    const field = String(v.field)
    const place = `${v.entity}/${v.rowId}/${field}`
    const current = writes.get(`${place}/${v.currentDeviceId}/${v.currentValue}`) ?? []
    const other = writes.get(`${place}/${v.otherDeviceId}/${v.otherValue}`) ?? []
    const pairs = current.flatMap((a) => other.filter((b) => b !== a).map((b) => [a, b] as const))
    if (pairs.length === 0) continue
    const sequential = ([a, b]: readonly [AckedSave, AckedSave]) =>
      order.saw(a, b, field) || order.saw(b, a, field)
    if (pairs.every(sequential)) {
      const [a, b] = pairs[0]!
      add(
        'spuriousConflict',
        `conflict ${record.id} on ${place} pairs ${v.currentValue} (PC ${a.pc}, mutation ${a.mutationId}) with ${v.otherValue} (PC ${b.pc}, mutation ${b.mutationId}), one made on top of the other`,
      )
    }
  }
}
