import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Cancel and Save at the foot of a dialog form. */
export function FormButtons({
  onCancel,
  saving,
  saveLabel,
}: {
  onCancel(): void
  saving: boolean
  saveLabel?: string
}) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {saveLabel ?? t('app.save')}
      </Button>
    </Group>
  )
}
