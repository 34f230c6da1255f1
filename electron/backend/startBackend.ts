import { join } from 'node:path'
import type { Db } from '../../db/database'
import { maintainWhenIdle } from '../../db/maintenance'
import { openDatabase } from '../../db/openDatabase'
import { mergePropertySearchStep, propertySearchIndex } from '../../db/property/searchIndex'
import { sanitationAccountIndex } from '../../db/sanitation/accountSummary'
import { mergeSanitationSearchStep, sanitationSearchIndex } from '../../db/sanitation/searchIndex'
import { deviceIdentity, saveEnrolment } from '../../db/sync/deviceIdentity'
import { createWritePath, type WritePath } from '../../db/writePath'
import { contract } from '../../domain/api'
import { DomainError } from '../../domain/errors'
import { adminService } from './admin/service'
import { authService } from './auth/service'
import { SessionStore } from './auth/sessions'
import { createDispatch, type Dispatch } from './dispatch'
import { exportsService } from './exports/service'
import { DocumentStore } from './property/documentStore'
import { propertyService } from './property/service'
import { referenceService } from './reference/service'
import { sanitationService } from './sanitation/service'
import { seedDemoProperty } from './seed/demoProperty'
import { seedDemoSanitation } from './seed/demoSanitation'
import { seedDemoUsers } from './seed/demoUsers'
import { seedSanitationReference } from './seed/sanitationReference'
import { seedTerritorialUnits } from './seed/territorialUnits'
import { connectionOf, createSyncEngine, type SyncEngine, type SyncEngineOptions } from './sync/engine'
import { createSyncHttpClient, type SyncHttpClient } from './sync/httpClient'
import { SyncFailure } from './sync/httpFailure'
import { syncService } from './sync/service'
import { type PrintToPdf, systemService } from './system/service'

export interface BackendOptions {
  /** The user-data folder: the database, its backups and the scanned documents live here. */
  userDataDir: string
  migrationsFolder: string
  /**
   * Demo property objects to generate on a store that has none, when the PC works on its own (not
   * enrolled); 0 for none. An enrolled PC gets the demo municipality from the server instead.
   */
  demoObjects?: number
  /** Demo sanitation payers to generate on a store that has none, likewise (0 or absent for none). */
  demoPayers?: { households: number; organisations: number }
  now?: () => Date
  appVersion?: string
  /** The central server and a one-time code: a PC not yet enrolled enrols itself at start (the demo launcher). */
  serverUrl?: string
  enrolCode?: string
  /** The desktop shell's PDF printer (the web host has none: the browser prints). */
  printToPdf?: PrintToPdf
  /** The PC's name as IT sees it in the devices screen. */
  deviceName?: string
  /** Tuning of the sync loop (tests make it quick). */
  sync?: Pick<
    SyncEngineOptions,
    'intervalMs' | 'retryMs' | 'maxBackoffMs' | 'timeoutMs' | 'pokes' | 'snapshotPageSize'
  >
}

export interface Backend {
  dispatch: Dispatch
  db: Db
  write: WritePath
  engine: SyncEngine
  close(): Promise<void>
}

/**
 * Opens the local store, enrols or seeds a first run, starts the sync loop on an enrolled PC, and
 * wires every registry's calls to one dispatch.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const appVersion = options.appVersion ?? '0.1.0'
  const db = openDatabase(join(options.userDataDir, 'rustavi.db'), {
    migrationsFolder: options.migrationsFolder,
  })
  let engine: SyncEngine | null = null
  let stopMaintenance = async () => {}
  try {
    const derivedIndexes = [propertySearchIndex, sanitationSearchIndex, sanitationAccountIndex]
    // A save on an enrolled PC starts a sync round shortly after, so other PCs see it within a second.
    let afterSave = () => {}
    const writeLocally = createWritePath(db, { derivedIndexes, now })
    const write: WritePath = (actor, changes) => {
      const written = writeLocally(actor, changes)
      if (written.length > 0) afterSave()
      return written
    }
    const sessions = new SessionStore()
    const http = createSyncHttpClient({
      connection: () => connectionOf(db),
      appVersion,
      getSession: () => sessions.latestServerSession(),
      timeoutMs: options.sync?.timeoutMs,
    })
    const enrol = (serverUrl: string, code: string, deviceName: string) =>
      enrolDevice(db, http, { serverUrl, code, deviceName, appVersion })

    if (!isEnrolled(db) && options.serverUrl && options.enrolCode) {
      await enrol(options.serverUrl, options.enrolCode, options.deviceName ?? 'Rustavi PC').catch((error) =>
        console.error(`Enrolment with ${options.serverUrl} failed; the PC works on its own for now:`, error),
      )
    }
    if (!isEnrolled(db)) {
      // A PC on its own: the demo municipality locally (an enrolled PC gets it from the server).
      seedTerritorialUnits(db, now())
      seedSanitationReference(db, now())
      await seedDemoUsers(db, now())
      if (options.demoObjects) seedDemoProperty(db, { objects: options.demoObjects, today: now() })
      if (options.demoPayers) seedDemoSanitation(db, { ...options.demoPayers, today: now() })
    }

    let completeOfflineSignIns = async () => {}
    const sync = createSyncEngine({
      db,
      beforeRound: () => completeOfflineSignIns(),
      derivedIndexes,
      appVersion,
      getSession: () => sessions.latestServerSession(),
      now,
      http,
      ...options.sync,
    })
    engine = sync
    if (isEnrolled(db)) sync.start()
    let pushSoon: ReturnType<typeof setTimeout> | null = null
    afterSave = () => {
      if (pushSoon || !isEnrolled(db)) return
      // Saves in quick succession go out together.
      pushSoon = setTimeout(() => {
        pushSoon = null
        void sync.syncNow().catch(() => undefined)
      }, PUSH_AFTER_SAVE_MS)
    }

    const documents = new DocumentStore(join(options.userDataDir, 'documents'))
    const serverAccounts = {
      isEnrolled: () => isEnrolled(db),
      login: (username: string, password: string) => http.login({ username, password }),
      changePassword: async (session: string, currentPassword: string, newPassword: string) => {
        await http.changePassword(session, { currentPassword, newPassword })
      },
      logout: async (session: string) => {
        await http.logout(session)
      },
      signedIn: () => void sync.syncNow().catch(() => undefined),
    }
    const auth = authService(db, sessions, now, serverAccounts)
    completeOfflineSignIns = auth.completeOfflineSignIns
    const dispatch = createDispatch(
      contract,
      {
        auth: auth.handlers,
        system: systemService(db, options.printToPdf),
        reference: referenceService(db),
        property: propertyService({ db, write, documents, now }),
        sanitation: sanitationService({ db, write, now }),
        sync: syncService({ db, write, engine: sync, now, enrol }),
        admin: adminService(http, sessions),
        exports: exportsService(),
      },
      sessions,
    )
    stopMaintenance = maintainWhenIdle(db, [mergePropertySearchStep, mergeSanitationSearchStep])
    return {
      dispatch,
      db,
      write,
      engine: sync,
      close: async () => {
        afterSave = () => {}
        if (pushSoon) clearTimeout(pushSoon)
        await sync.stop()
        await stopMaintenance()
        db.$client.close()
      },
    }
  } catch (error) {
    await engine?.stop()
    await stopMaintenance()
    db.$client.close()
    throw error
  }
}

/** How long after a save its push starts; saves within this time go in one push. */
const PUSH_AFTER_SAVE_MS = 150

const isEnrolled = (db: Db): boolean => deviceIdentity(db).deviceToken !== null

/** Enrols this PC with a one-time code from IT; the server's answer is kept in the store. */
async function enrolDevice(
  db: Db,
  http: SyncHttpClient,
  e: { serverUrl: string; code: string; deviceName: string; appVersion: string },
): Promise<void> {
  try {
    const answer = await http.enrol(e.serverUrl, {
      code: e.code,
      deviceName: e.deviceName,
      appVersion: e.appVersion,
    })
    saveEnrolment(db, {
      serverUrl: e.serverUrl,
      deviceId: answer.deviceId,
      deviceToken: answer.deviceToken,
      epoch: answer.epoch,
      generation: answer.serverGeneration,
    })
  } catch (error) {
    if (!(error instanceof SyncFailure)) throw error
    if (error.code === 'SERVER_OUTDATED') throw new DomainError('SERVER_OUTDATED', error.message)
    if (error.retryable) {
      throw new DomainError('OFFLINE', error.message, { serverUrl: 'sync.enrol.serverUnreachable' })
    }
    if (error.code === 'UPDATE_REQUIRED') throw new DomainError('UPDATE_REQUIRED', error.message)
    throw new DomainError('ENROLMENT_REFUSED', error.message, { code: 'sync.enrol.codeUnknown' })
  }
}
