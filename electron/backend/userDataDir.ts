import { homedir } from 'node:os'
import { join } from 'node:path'

export const productName = 'Rustavi Back Office'

/** Where Electron's app.getPath('userData') points for this app, for the web host to share it. */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName)
}
