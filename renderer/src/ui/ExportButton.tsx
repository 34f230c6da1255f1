import { Button, Stack } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { ExportTable } from '../../../domain/exports/exportTable'
import { ErrorAlert } from './ErrorAlert'
import { exportTable, workbookFileName } from './exportTable'
import { Icon } from './Icon'

interface Props {
  /** The table as shown, built when the button is pressed. */
  table: () => ExportTable
  /** Added to the file name (a period, a date), so two exports do not overwrite each other. */
  fileSuffix: string
  label: string
  accessibleLabel: string
}

/** "Download as Excel" for one table of a screen. */
export function ExportButton({ table, fileSuffix, label, accessibleLabel }: Props) {
  const exporting = useMutation({
    mutationFn: () => {
      const shown = table()
      return exportTable(shown, workbookFileName(shown.title, fileSuffix))
    },
  })
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="default"
        size="xs"
        leftSection={<Icon name="download" />}
        loading={exporting.isPending}
        onClick={() => exporting.mutate()}
        aria-label={accessibleLabel}
      >
        {label}
      </Button>
      {exporting.isError ? <ErrorAlert error={exporting.error} /> : null}
    </Stack>
  )
}
