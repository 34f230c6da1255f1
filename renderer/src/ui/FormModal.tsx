import { Modal } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  opened: boolean
  title: string
  onClose(): void
  size?: string
  children: ReactNode
}

/**
 * A dialog holding a form. The form mounts when the dialog opens, so every opening starts clean;
 * the dialog traps the focus and closes on Esc.
 */
export function FormModal({ opened, title, onClose, size = 'lg', children }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {opened ? children : null}
    </Modal>
  )
}
