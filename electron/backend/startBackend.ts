import { join } from 'node:path'
import type { Db } from '../../db/database'
import { checkpointStep, maintainWhenIdle } from '../../db/maintenance'
import { openDatabase } from '../../db/openDatabase'
import { mergePropertySearchStep, propertySearchIndex } from '../../db/property/searchIndex'
import { createWritePath, type WritePath } from '../../db/writePath'
import { contract } from '../../domain/api'
import { authService } from './auth/service'
import { SessionStore } from './auth/sessions'
import { createDispatch, type Dispatch } from './dispatch'
import { DocumentStore } from './property/documentStore'
import { propertyService } from './property/service'
import { referenceService } from './reference/service'
import { seedDemoProperty } from './seed/demoProperty'
import { seedDemoUsers } from './seed/demoUsers'
import { seedTerritorialUnits } from './seed/territorialUnits'
import { systemService } from './system/service'

export interface BackendOptions {
  /** The user-data folder: the database, its backups and the scanned documents live here. */
  userDataDir: string
  migrationsFolder: string
  /** Demo property objects to generate on a store that has none; 0 for none. */
  demoObjects?: number
  now?: () => Date
}

export interface Backend {
  dispatch: Dispatch
  db: Db
  write: WritePath
  close(): void
}

/** Opens the local store, seeds a first run, and wires every registry's calls to one dispatch. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const db = openDatabase(join(options.userDataDir, 'rustavi.db'), {
    migrationsFolder: options.migrationsFolder,
  })
  try {
    const write = createWritePath(db, { derivedIndexes: [propertySearchIndex], now })
    seedTerritorialUnits(db, now())
    await seedDemoUsers(db, now())
    if (options.demoObjects) seedDemoProperty(db, { objects: options.demoObjects, today: now() })
    const sessions = new SessionStore()
    const documents = new DocumentStore(join(options.userDataDir, 'documents'))
    const dispatch = createDispatch(
      contract,
      {
        auth: authService(db, sessions, now),
        system: systemService(db),
        reference: referenceService(db),
        property: propertyService({ db, write, documents, now }),
      },
      sessions,
    )
    const stopCheckpoints = maintainWhenIdle(db, [mergePropertySearchStep, checkpointStep])
    return {
      dispatch,
      db,
      write,
      close: () => {
        stopCheckpoints()
        db.$client.close()
      },
    }
  } catch (error) {
    db.$client.close()
    throw error
  }
}
