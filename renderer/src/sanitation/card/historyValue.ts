import { formatDate, formatDateTime, formatGel, isIsoDate } from '../../../../domain/georgian'
import type { Language } from '../../i18n/language'
import { formatNumber } from '../../ui/formatNumber'

/** Fields whose value is an enum of the registry, and where its labels live. */
const enumLabels: Record<string, string> = {
  kind: 'sanitation.kind',
  status: 'sanitation.status',
  channel: 'sanitation.channel',
  state: 'sanitation.planState',
  billingUnit: 'sanitation.unit',
}

/** Links between rows and keys for uniqueness: they say nothing to a clerk reading the history. */
export const hiddenHistoryFields: ReadonlySet<string> = new Set([
  'payerId',
  'lineKey',
  'tariffVersionId',
  'billingRunId',
  'relatedLineId',
  'exemptionId',
  'amnestyId',
  'bankImportLineId',
])

export interface HistoryValueContext {
  language: Language
  translate(key: string): string
  unitName(id: string): string
}

/** A history value as the card shows it: money in lari, dates dd.MM.yyyy, enums in words. */
export function sanitationHistoryValue(field: string, value: unknown, ctx: HistoryValueContext): string {
  if (value === null || value === undefined || value === '') return '—'
  if (field.endsWith('Tetri') && typeof value === 'number' && Number.isSafeInteger(value)) {
    return formatGel(value, ctx.language)
  }
  if (
    field === 'kind' &&
    typeof value === 'string' &&
    ['charge', 'correction', 'reversal', 'amnesty'].includes(value)
  ) {
    return ctx.translate(`sanitation.chargeKind.${value}`)
  }
  if (field in enumLabels && typeof value === 'string') return ctx.translate(`${enumLabels[field]}.${value}`)
  if (field === 'territorialUnitId' && typeof value === 'string') return ctx.unitName(value)
  if (field.endsWith('At') && typeof value === 'string') {
    try {
      return formatDateTime(value)
    } catch {
      return value
    }
  }
  if (typeof value === 'string' && isIsoDate(value)) return formatDate(value)
  if (typeof value === 'number') return formatNumber(value, ctx.language)
  if (typeof value === 'boolean') return ctx.translate(value ? 'app.yes' : 'app.no')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
