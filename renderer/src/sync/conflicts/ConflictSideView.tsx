import { Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../../domain/sync/contract'
import { FieldList } from '../../ui/FieldList'
import { useFormat } from '../../ui/useFormat'

interface Props {
  heading: string
  side: Conflict['current']
  /** The side's value as the registry's card shows it. */
  shownValue: string
  highlight?: boolean
}

/** One of the two values of a conflict, with who saved it, when and on which computer. */
export function ConflictSideView({ heading, side, shownValue, highlight = false }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Paper withBorder p="sm" bg={highlight ? 'rustavi.0' : 'gray.0'} component="section" aria-label={heading}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed" fw={600}>
          {heading}
        </Text>
        <Text fw={600} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {shownValue}
        </Text>
        <FieldList
          items={[
            { label: t('sync.conflicts.who'), value: side.userName },
            { label: t('sync.conflicts.when'), value: format.dateTime(side.at) },
            {
              label: t('sync.conflicts.device'),
              value: side.deviceName ? (
                <span title={side.deviceId ?? undefined}>{side.deviceName}</span>
              ) : side.deviceId ? (
                <span title={side.deviceId}>{side.deviceId.slice(0, 8)}</span>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Stack>
    </Paper>
  )
}
