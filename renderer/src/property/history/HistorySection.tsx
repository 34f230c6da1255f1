import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useUnitNames } from '../../reference/territorialUnits'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { HistoryTable } from '../../ui/HistoryTable'
import { useFormat } from '../../ui/useFormat'
import { usePropertyHistory } from '../propertyQueries'
import { formatHistoryValue, type HistoryValueContext, hiddenHistoryFields } from './historyValue'

/** Who changed what and when, newest first: the object's own changes and its leases', codes' and documents'. */
export function HistorySection({ objectId }: { objectId: string }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  const history = usePropertyHistory(objectId)

  if (history.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (history.isError) return <ErrorAlert error={history.error} onReload={() => void history.refetch()} />
  const ctx: HistoryValueContext = {
    language: format.language,
    translate: (key, params) => t(key, params),
    unitName,
  }
  return (
    <HistoryTable
      history={history.data}
      hidden={hiddenHistoryFields}
      fieldLabel={(field) => (i18n.exists(`property.field.${field}`) ? t(`property.field.${field}`) : field)}
      value={(field, value) => formatHistoryValue(field, value, ctx)}
    />
  )
}
