import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { clockNeedsAttention, clockOffsetParts } from '../clockOffset'

/** "+3 წთ 20 წმ", and a warning when the PC's clock is off by more than two minutes. */
export function ClockOffset({ offsetMs }: { offsetMs: number | null }) {
  const { t } = useTranslation()
  if (offsetMs === null) return <>—</>
  const { sign, parts } = clockOffsetParts(offsetMs)
  const text = `${sign}${parts.map((part) => t(`admin.duration.${part.unit}`, { n: part.n })).join(' ')}`
  if (!clockNeedsAttention(offsetMs)) return <>{text}</>
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" fw={700} c="red.8">
        {text}
      </Text>
      <Text span size="xs" c="red.8">
        {t('admin.devices.clockWarning')}
      </Text>
    </Group>
  )
}
