import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../app/router'

/** The one-line confirmation the previous screen left ("saved", "deleted"), announced politely. */
export function FlashMessage() {
  const { t } = useTranslation()
  const { flash } = useRouter()
  if (!flash) return null
  return (
    <Alert color="green" role="status" variant="light" py="xs">
      {t(flash)}
    </Alert>
  )
}
