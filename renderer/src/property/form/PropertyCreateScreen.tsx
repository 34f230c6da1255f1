import { Paper, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../../app/router'
import { useCreateObject } from '../propertyMutations'
import { PropertyForm } from './PropertyForm'
import { emptyObjectForm } from './propertyFormValues'

/** Registers a new object, then opens its card. */
export default function PropertyCreateScreen() {
  const { t } = useTranslation()
  const { replace } = useRouter()
  const create = useCreateObject()
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">
        {t('property.form.createTitle')}
      </Title>
      <Paper withBorder p="lg">
        <PropertyForm
          mode="create"
          defaultValues={emptyObjectForm()}
          onSubmit={async (values) => {
            const { id } = await create.mutateAsync(values)
            replace({ name: 'propertyDetail', id }, 'property.form.created')
          }}
          onCancel={() => history.back()}
        />
      </Paper>
    </Stack>
  )
}
