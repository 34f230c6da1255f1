import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'

/**
 * Prints the document on screen. The desktop app (where the preload set `window.api`) renders it
 * to an A4 PDF, saves and opens it (system.printToPdf); the web host's browser prints it itself.
 * Returns the saved PDF's path, or null when the browser printed.
 */
export async function printDocument(fileName: string): Promise<string | null> {
  if (window.api) return (await unwrap(api.system.printToPdf({ fileName }))).path
  window.print()
  return null
}
