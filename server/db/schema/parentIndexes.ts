import { sql } from 'drizzle-orm'
import { index, type PgColumn } from 'drizzle-orm/pg-core'
import { entities, entityNames } from '../../../domain/sync/entities'

// A delete is refused while live rows name the row as their parent (server/sync/pushBatch.ts
// liveChildren). Without an index that search reads every row of each child kind while the push
// lock is held (about 130 ms a delete of an object over 300,000 property rows on PostgreSQL); with
// one per parent field, over the kinds that name a parent by it, it is a lookup. They follow the
// parents the entities declare (domain/sync/entities.ts): a new one gives a new migration.

const FIELD = /^[A-Za-z]+$/

/** Parent field -> the entities whose rows name a parent by it (objectId -> codes, leases, documents). */
export function parentFields(): Map<string, string[]> {
  const fields = new Map<string, string[]>()
  for (const entity of entityNames) {
    for (const field of Object.keys(entities[entity].parents)) {
      if (!FIELD.test(field)) throw new Error(`Parent field ${entity}.${field} is not a plain name`)
      fields.set(field, [...(fields.get(field) ?? []), entity])
    }
  }
  return fields
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** `values ->> '<field>'`, as the indexes hold it and the search must say it to use them. */
export const parentValue = (values: PgColumn, field: string) => {
  if (!FIELD.test(field)) throw new Error(`Parent field ${field} is not a plain name`)
  return sql`(${values} ->> ${sql.raw(`'${field}'`)})`
}

/** One partial index per parent field, over the rows of the kinds that have it and name a parent. */
export function parentFieldIndexes(t: { entity: PgColumn; values: PgColumn }) {
  return [...parentFields()].map(([field, children]) =>
    index(`record_parent_${snake(field)}_idx`)
      .on(parentValue(t.values, field))
      .where(
        sql`${t.entity} IN (${sql.raw(children.map((c) => `'${c}'`).join(', '))}) AND ${parentValue(t.values, field)} IS NOT NULL`,
      ),
  )
}
