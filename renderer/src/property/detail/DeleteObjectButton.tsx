import { Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import { useRouter } from '../../app/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useRemoveObject } from '../propertyMutations'

/** Deletes the object as a tombstone after a confirmation, then returns to the list. */
export function DeleteObjectButton({ object, onReload }: { object: PropertyObjectDetail; onReload(): void }) {
  const { t } = useTranslation()
  const { navigate } = useRouter()
  const [asking, setAsking] = useState(false)
  const remove = useRemoveObject()
  const close = () => {
    remove.reset()
    setAsking(false)
  }
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setAsking(true)}>
        {t('app.delete')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={t('property.detail.deleteTitle')}
        message={t('property.detail.deleteQuestion', { name: object.name })}
        confirmLabel={t('app.delete')}
        busy={remove.isPending}
        onCancel={close}
        onConfirm={() =>
          remove.mutate(
            { id: object.id, version: object.version },
            { onSuccess: () => navigate({ name: 'propertyList' }, 'property.detail.deleted') },
          )
        }
      >
        {remove.isError ? (
          <ErrorAlert
            error={remove.error}
            onReload={() => {
              close()
              onReload()
            }}
          />
        ) : null}
      </ConfirmDialog>
    </>
  )
}
