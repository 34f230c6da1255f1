import { formatDate, formatDateTime, formatGel, isIsoDate } from '../../../../domain/georgian'
import type { Language } from '../../i18n/language'
import { formatNumber } from '../../ui/formatNumber'
import { formatPhone } from '../../ui/formatPhone'

/** Fields whose value is an enum, and where its labels live. */
const enumLabels: Record<string, string> = {
  type: 'property.type',
  state: 'property.state',
  propertyClass: 'property.propertyClass',
  acquisitionMethod: 'property.acquisitionMethod',
  tenantKind: 'property.tenantKind',
  schedule: 'property.schedule',
  kind: 'property.documentKind',
}

const timestampFields = new Set(['addedAt', 'deletedAt', 'createdAt', 'updatedAt'])

/** Links between rows and file internals: they say nothing to a clerk reading the history. */
export const hiddenHistoryFields: ReadonlySet<string> = new Set(['objectId', 'leaseId', 'sha256'])

export interface HistoryValueContext {
  language: Language
  translate(key: string, params?: Record<string, string>): string
  unitName(id: string): string
}

const NONE = '—'

/** A history value as the card would show it: money in lari, dates dd.MM.yyyy, enums in words. */
export function formatHistoryValue(field: string, value: unknown, ctx: HistoryValueContext): string {
  if (value === null || value === undefined || value === '') return NONE
  if (field.endsWith('Tetri') && typeof value === 'number' && Number.isSafeInteger(value)) {
    return formatGel(value, ctx.language)
  }
  if (field in enumLabels && typeof value === 'string') return ctx.translate(`${enumLabels[field]}.${value}`)
  if (field === 'territorialUnitId' && typeof value === 'string') return ctx.unitName(value)
  if (field === 'tenantPhone' && typeof value === 'string') return formatPhone(value)
  if (field === 'reason' && value === 'registration') return ctx.translate('property.cadastral.registration')
  if (field === 'sizeBytes' && typeof value === 'number') {
    return ctx.translate('property.documents.size', { n: String(Math.max(1, Math.round(value / 1024))) })
  }
  if (timestampFields.has(field) && typeof value === 'string') {
    try {
      return formatDateTime(value)
    } catch {
      return value
    }
  }
  if (typeof value === 'string' && isIsoDate(value)) return formatDate(value)
  if (typeof value === 'number') {
    return formatNumber(value, ctx.language)
  }
  if (typeof value === 'boolean') return ctx.translate(value ? 'app.yes' : 'app.no')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
