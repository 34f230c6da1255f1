import { type Api, contract } from '../../../domain/api'
import { createHttpApi } from './httpApi'
import { takeWebToken } from './webToken'

/**
 * The API the whole UI talks to: the preload's `window.api` in Electron, otherwise (Chromium on
 * the loopback web host, as in the end-to-end tests) the HTTP adapter with the same shape.
 */
export const api: Api = window.api ?? createHttpApi(contract, takeWebToken(window))
