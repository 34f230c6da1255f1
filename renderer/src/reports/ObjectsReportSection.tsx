import { Stack, Title } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ObjectsReport } from '../../../domain/property/views'
import { useUnitNames } from '../reference/territorialUnits'
import { ErrorAlert } from '../ui/ErrorAlert'
import { useFormat } from '../ui/useFormat'
import { GroupTable } from './GroupTable'

/** Objects by type, by state and by territorial unit. */
export function ObjectsReportSection({ report }: { report: UseQueryResult<ObjectsReport> }) {
  const { t } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  return (
    <Stack component="section" aria-labelledby="objects-report-title">
      <Title order={2} size="h3" id="objects-report-title">
        {t('reports.objects.title')}
      </Title>
      {report.isError ? <ErrorAlert error={report.error} onReload={() => void report.refetch()} /> : null}
      {report.data ? (
        <>
          <Stack gap="lg">
            <GroupTable
              title={t('reports.objects.byType')}
              groups={report.data.byType}
              labelOf={(key) => t(`property.type.${key}`)}
            />
            <GroupTable
              title={t('reports.objects.byState')}
              groups={report.data.byState}
              labelOf={(key) => t(`property.state.${key}`)}
            />
          </Stack>
          <GroupTable
            title={t('reports.objects.byUnit')}
            groups={report.data.byTerritorialUnit}
            labelOf={unitName}
          />
        </>
      ) : null}
    </Stack>
  )
}
