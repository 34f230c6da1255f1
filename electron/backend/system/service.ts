import type { Db } from '../../../db/database'
import { ensureDevice, pendingChangeCount } from '../../../db/device'
import type { systemCalls } from '../../../domain/system/contract'
import type { Handlers } from '../dispatch'

export function systemService(db: Db): Handlers<{ system: typeof systemCalls }>['system'] {
  return {
    syncStatus: () => ({ pendingChanges: pendingChangeCount(db), deviceId: ensureDevice(db).deviceId }),
  }
}
