import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PropertyObjectFields } from '../../../../domain/property/schemas'
import { useRouter } from '../../app/router'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useUpdateObject } from '../propertyMutations'
import { usePropertyDetail } from '../propertyQueries'
import { PropertyForm } from './PropertyForm'
import { changedFields, fieldsOf } from './propertyFormValues'

/** Edits an object: sends only the changed fields, with the version the form was loaded at. */
export default function PropertyEditScreen({ id }: { id: string }) {
  const { t } = useTranslation()
  const { replace } = useRouter()
  const detail = usePropertyDetail(id)
  const update = useUpdateObject()
  const backToCard = (flash?: string) => replace({ name: 'propertyDetail', id }, flash)

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (detail.isError) return <ErrorAlert error={detail.error} onReload={() => void detail.refetch()} />

  const loaded = detail.data
  const before = fieldsOf(loaded)
  return (
    <Stack gap="md" maw={1200}>
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t('property.form.editTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {loaded.inventoryNumber} · {loaded.name}
        </Text>
      </Stack>
      <Paper withBorder p="lg">
        <PropertyForm
          // A reload after STALE_VERSION remounts the form with the saved values and version.
          key={loaded.version}
          mode="edit"
          defaultValues={before}
          onReload={() => void detail.refetch()}
          onSubmit={async (values) => {
            const changes = changedFields(before, values as PropertyObjectFields)
            if (Object.keys(changes).length === 0) return backToCard('property.form.nothingChanged')
            await update.mutateAsync({ id, version: loaded.version, changes })
            backToCard('app.saved')
          }}
          onCancel={() => history.back()}
        />
      </Paper>
    </Stack>
  )
}
