import { Alert, Anchor, Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { Icon } from '../../ui/Icon'
import { printDocument } from './printDocument'

interface Props {
  backLabel: string
  onBack(): void
  /** The PDF's file name in the desktop app. */
  fileName: string
  disabled?: boolean
}

/** Back and Print above a document view; none of it is printed. */
export function DocumentToolbar({ backLabel, onBack, fileName, disabled = false }: Props) {
  const { t } = useTranslation()
  const [printing, setPrinting] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const print = async () => {
    setPrinting(true)
    setFailure(null)
    try {
      setSaved(await printDocument(fileName))
    } catch (error) {
      setFailure(error)
    } finally {
      setPrinting(false)
    }
  }
  return (
    <div data-print="hide" style={{ marginBottom: 16 }}>
      <Group justify="space-between" mb="sm">
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          <Icon name="arrowLeft" /> {backLabel}
        </Anchor>
        <Button onClick={() => void print()} loading={printing} disabled={disabled}>
          {t('sanitation.documents.print')}
        </Button>
      </Group>
      <FlashMessage />
      {saved ? (
        <Alert color="green" variant="light" role="status" py="xs">
          {t('sanitation.documents.printed', { path: saved })}
        </Alert>
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
    </div>
  )
}
