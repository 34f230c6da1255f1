import { eq } from 'drizzle-orm'
import { initialTerritorialUnits } from '../../domain/reference/rustaviUnits'
import { entities, fullRowSchema } from '../../domain/sync/entities'
import type { ServerContext } from '../context'
import { record } from '../db/schema'
import { appendChange } from '../sync/changeLog'
import { saveRecord } from '../sync/records'
import { advanceCounter, lockCounter, SequenceAllocator } from '../sync/sequence'
import { serverHlc } from '../sync/serverClock'
import { planUniqueKeys } from '../sync/uniqueKeys'

/**
 * On a store that has never had territorial units: Rustavi's ten (domain/reference/rustaviUnits.ts,
 * with their fixed ids) as records of the reference scope, through the change log like any change,
 * so every PC pulls them. Returns how many it wrote (0 when there were units already).
 */
export async function seedReferenceData(ctx: Pick<ServerContext, 'db' | 'now' | 'notify'>): Promise<number> {
  const at = ctx.now()
  const written = await ctx.db.transaction(async (tx) => {
    const locked = await lockCounter(tx)
    const [existing] = await tx
      .select({ id: record.id })
      .from(record)
      .where(eq(record.entity, 'territorialUnit'))
      .limit(1)
    if (existing) return 0
    const seqs = new SequenceAllocator(locked)
    const txSeq = locked.seq + 1
    for (const { id, ...unit } of initialTerritorialUnits) {
      const values = fullRowSchema('territorialUnit').parse(unit)
      const seq = seqs.next()
      const meta = { '*': { seq, hlc: serverHlc(at), device: null, by: null } }
      const keys = await planUniqueKeys(tx, 'territorialUnit', entities.territorialUnit, id, values, true)
      if (keys.duplicates.length > 0) throw new Error(`Territorial unit code ${unit.code} is taken`)
      await keys.apply()
      await saveRecord(tx, 'territorialUnit', id, 'reference', { values, meta, deletedAt: null }, seq, null)
      await appendChange(tx, {
        seq,
        txSeq,
        scope: 'reference',
        entity: 'territorialUnit',
        rowId: id,
        op: 'put',
        values,
        deletedAt: null,
        fieldVersions: { '*': seq },
        originDevice: null,
        originMutation: null,
        userId: null,
        userName: null,
        at,
      })
    }
    await advanceCounter(tx, locked, seqs.used)
    return seqs.used === 0 ? 0 : { count: initialTerritorialUnits.length, lastSeq: seqs.current }
  })
  if (written === 0) return 0
  await ctx.notify('reference', written.lastSeq)
  return written.count
}
