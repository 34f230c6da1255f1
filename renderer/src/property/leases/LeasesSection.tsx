import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import { LeaseCard } from './LeaseCard'
import { LeaseForm } from './LeaseForm'

/** The object's leases, newest first, with the form for a new one. */
export function LeasesSection({ object }: { object: PropertyObjectDetail }) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setAdding(true)}>{t('property.leases.add')}</Button>
      </Group>
      {object.leases.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('property.leases.empty')}</Text>
        </Paper>
      ) : (
        object.leases.map((lease) => <LeaseCard key={lease.id} lease={lease} />)
      )}
      <LeaseForm objectId={object.id} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  )
}
