import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The part of Electron's WebContents the printer uses; a test passes a plain object. */
export interface PrintableContents {
  printToPDF(options: {
    pageSize: 'A4'
    printBackground: boolean
    preferCSSPageSize: boolean
  }): Promise<Uint8Array>
}

export interface PdfPrinterDeps {
  /** `webContents.fromId`: null when the window is gone. */
  contentsOf(id: number): PrintableContents | null
  /** Where printed documents are kept (under the user-data folder). */
  outputDir: string
  /** `shell.openPath`: opens the PDF in the PC's viewer, where the clerk prints it. */
  openPath(path: string): Promise<string>
}

/**
 * Prints the calling window (its A4 document view; the @media print rules hide the app around it)
 * to a PDF, saves it under a name not yet used and opens it. The IPC session key names the window.
 */
export function createPdfPrinter(deps: PdfPrinterDeps) {
  return async (sessionKey: string, fileName: string): Promise<string> => {
    const match = /^ipc:(\d+)$/.exec(sessionKey)
    const contents = match ? deps.contentsOf(Number(match[1])) : null
    if (!contents) throw new Error('No window to print')
    const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
    await mkdir(deps.outputDir, { recursive: true })
    let path = join(deps.outputDir, `${fileName}.pdf`)
    for (let n = 2; existsSync(path); n++) path = join(deps.outputDir, `${fileName} (${n}).pdf`)
    await writeFile(path, pdf)
    const failure = await deps.openPath(path)
    if (failure) console.error('The printed document could not be opened:', failure)
    return path
  }
}
