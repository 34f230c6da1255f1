import { Poke, type Scope } from '../domain/sync/protocol'
import type { ServerContext } from './context'
import type { ServerDatabase } from './db/serverDatabase'

/** The NOTIFY channel pokes travel on between server instances. */
export const POKE_CHANNEL = 'rustavi_poke'

export interface ServerContextHandle {
  ctx: ServerContext
  /** Stops listening for pokes (the database itself is closed by its owner). */
  close(): Promise<void>
}

/**
 * A request context over `database`. Pokes go out as NOTIFY and come back through one LISTEN per
 * instance, so a poke sent by any instance reaches every instance's listeners, this one included.
 */
export async function createServerContext(
  database: ServerDatabase,
  options: { now?: () => Date } = {},
): Promise<ServerContextHandle> {
  const listeners = new Set<(scope: Scope, seq: number) => void>()
  const unlisten = await database.listen(POKE_CHANNEL, (payload) => {
    const poke = parsePoke(payload)
    if (!poke) return
    for (const listener of listeners) listener(poke.scope, poke.seq)
  })
  const ctx: ServerContext = {
    db: database.db,
    notify: (scope, seq) => database.notify(POKE_CHANNEL, JSON.stringify({ scope, seq })),
    onPoke(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    now: options.now ?? (() => new Date()),
  }
  return { ctx, close: unlisten }
}

function parsePoke(payload: string): Poke | null {
  try {
    const parsed = Poke.safeParse(JSON.parse(payload))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
