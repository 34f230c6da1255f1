import { Group, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportTable } from '../../../../domain/exports/exportTable'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ExportButton } from '../../ui/ExportButton'

interface Props {
  id: string
  title: string
  /** Controls of the section (a unit, a count), beside the title. */
  controls?: ReactNode
  /** The section's table as shown, for the Excel export; null while there is none. */
  exportTable: (() => ExportTable) | null
  fileSuffix: string
  /** The section's query: its failure shows above the chart and table, with a reload. */
  query: { isError: boolean; error: unknown; refetch(): unknown }
  children: ReactNode
}

/** A report: its title, its controls and an Excel export of its table, then the chart and table. */
export function ReportSection({ id, title, controls, exportTable, fileSuffix, query, children }: Props) {
  const { t } = useTranslation()
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {controls}
        </Group>
        {exportTable ? (
          <ExportButton
            table={exportTable}
            fileSuffix={fileSuffix}
            label={t('sanitation.reports.export')}
            accessibleLabel={t('sanitation.reports.exportLabel', { table: title })}
          />
        ) : null}
      </Group>
      {query.isError ? <CallErrorAlert error={query.error} onReload={() => void query.refetch()} /> : null}
      {children}
    </Stack>
  )
}
