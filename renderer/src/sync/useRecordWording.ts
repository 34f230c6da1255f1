import { useTranslation } from 'react-i18next'
import { formatHistoryValue, type HistoryValueContext } from '../property/history/historyValue'
import { useUnitNames } from '../reference/territorialUnits'
import { useFormat } from '../ui/useFormat'

/**
 * How the sync screens name a record and show its raw fields: the record kinds and field labels
 * the history already uses, and values formatted as the registry's card formats them.
 */
export function useRecordWording() {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  const ctx: HistoryValueContext = {
    language: format.language,
    translate: (key, params) => t(key, params),
    unitName,
  }
  return {
    entity: (entity: string) =>
      i18n.exists(`history.entity.${entity}`) ? t(`history.entity.${entity}`) : entity,
    field: (field: string) => (i18n.exists(`property.field.${field}`) ? t(`property.field.${field}`) : field),
    value: (field: string, value: unknown) => formatHistoryValue(field, value, ctx),
  }
}

export type RecordWording = ReturnType<typeof useRecordWording>
