import type { exportsCalls } from '../../../domain/exports/contract'
import type { Handlers } from '../dispatch'
import { tableWorkbook } from './tableWorkbook'

export function exportsService(): Handlers<{ exports: typeof exportsCalls }>['exports'] {
  return {
    async tableWorkbook(table) {
      return { contentBase64: Buffer.from(await tableWorkbook(table)).toString('base64') }
    },
  }
}
