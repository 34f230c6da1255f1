import type { Api } from '../../../domain/api'

declare global {
  interface Window {
    /**
     * Set by the Electron preload; absent in a plain browser (the web host). App code imports
     * `api` from `renderer/src/api/api.ts`, which picks this or the HTTP adapter.
     */
    readonly api?: Api
  }
}
