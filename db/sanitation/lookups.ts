import type { Db } from '../database'

// Small questions the sanitation services ask the store before they write.

export interface LivePayer {
  id: string
  kind: string
  status: string
  version: number
}

export function livePayer(db: Db, id: string): LivePayer | undefined {
  return db.$client
    .prepare('SELECT id, kind, status, version FROM sanitation_payer WHERE id = ? AND deleted_at IS NULL')
    .get(id) as LivePayer | undefined
}
