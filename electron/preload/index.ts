import { contextBridge, ipcRenderer } from 'electron'
import { contract } from '../../domain/api'
import { buildApi } from './buildApi'

// Bundled into one CommonJS file (sandbox: true). The page gets `window.api` and nothing else:
// no ipcRenderer, no channel names to choose, no event objects.
contextBridge.exposeInMainWorld(
  'api',
  buildApi(contract, (name, input) => ipcRenderer.invoke(name, input)),
)
