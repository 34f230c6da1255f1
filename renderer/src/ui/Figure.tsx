import { Paper, Text } from '@mantine/core'

/** One headline figure (an amount, a count) with its label; red when it signals a problem. */
export function Figure({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <Paper bg={alert ? 'red.0' : 'gray.0'} p="sm" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={alert ? 'red.8' : undefined}>
        {value}
      </Text>
    </Paper>
  )
}
