// Stand-in for the 'electron' module in tests: the Electron binary cannot be downloaded on our
// machines, so no test may load the real module. Only the shapes the shell touches are here.
export const app = { getPath: (_name: string) => '/tmp', isPackaged: false }
export const ipcMain = { handle: () => undefined, removeHandler: () => undefined }
export const contextBridge = { exposeInMainWorld: () => undefined }
export const ipcRenderer = { invoke: async () => undefined }
export default { app, ipcMain, contextBridge, ipcRenderer }
