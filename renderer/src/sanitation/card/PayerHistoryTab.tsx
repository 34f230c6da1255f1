import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../../domain/history'
import { useUnitNames } from '../../reference/territorialUnits'
import { HistoryTable } from '../../ui/HistoryTable'
import { useFormat } from '../../ui/useFormat'
import { hiddenHistoryFields, sanitationHistoryValue } from './historyValue'

/** Who changed what and when, newest first: the payer's record and its lines, payments and plans. */
export function PayerHistoryTab({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  const ctx = { language: format.language, translate: (key: string) => t(key), unitName }
  return (
    <HistoryTable
      history={history}
      hidden={hiddenHistoryFields}
      fieldLabel={(field) =>
        i18n.exists(`sanitation.field.${field}`) ? t(`sanitation.field.${field}`) : field
      }
      value={(field, value) => sanitationHistoryValue(field, value, ctx)}
    />
  )
}
