import type { Db } from '../../../db/database'
import { ensureDevice, pendingChangeCount } from '../../../db/device'
import { DomainError } from '../../../domain/errors'
import type { systemCalls } from '../../../domain/system/contract'
import type { Handlers } from '../dispatch'

/** Prints the window of a session to a PDF file and returns its path (electron/main/pdfPrinter.ts). */
export type PrintToPdf = (sessionKey: string, fileName: string) => Promise<string>

export function systemService(
  db: Db,
  printToPdf?: PrintToPdf,
): Handlers<{ system: typeof systemCalls }>['system'] {
  return {
    syncStatus: () => ({ pendingChanges: pendingChangeCount(db), deviceId: ensureDevice(db).deviceId }),
    async printToPdf({ fileName }, scope) {
      if (!printToPdf) throw new DomainError('UNKNOWN_CALL', 'Printing to PDF needs the desktop application')
      return { path: await printToPdf(scope.sessionKey, fileName) }
    },
  }
}
