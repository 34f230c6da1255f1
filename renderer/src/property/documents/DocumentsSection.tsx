import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentView, PropertyObjectDetail } from '../../../../domain/property/views'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { useRemoveDocument } from '../propertyMutations'
import { DocumentUploadForm } from './DocumentUploadForm'
import { base64ToBlob, saveBlob } from './documentFiles'

/** Scanned extracts, acts and photos of the object: upload, download, remove. */
export function DocumentsSection({ object }: { object: PropertyObjectDetail }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [uploading, setUploading] = useState(false)
  const [removing, setRemoving] = useState<DocumentView | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const remove = useRemoveDocument()

  const download = async (document: DocumentView) => {
    setFailure(null)
    try {
      const file = await unwrap(api.property.documentContent({ id: document.id }))
      saveBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName)
    } catch (thrown) {
      setFailure(thrown)
    }
  }

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="flex-end">
          <Button onClick={() => setUploading(true)}>{t('property.documents.upload')}</Button>
        </Group>
        {failure ? <ErrorAlert error={failure} /> : null}
        {object.documents.length === 0 ? (
          <Text c="dimmed">{t('property.documents.empty')}</Text>
        ) : (
          <Table striped withTableBorder aria-label={t('property.detail.documents')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('property.field.title')}</Table.Th>
                <Table.Th>{t('property.field.kind')}</Table.Th>
                <Table.Th>{t('property.field.fileName')}</Table.Th>
                <Table.Th ta="right">{t('property.field.sizeBytes')}</Table.Th>
                <Table.Th>{t('property.field.addedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {object.documents.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>{document.title}</Table.Td>
                  <Table.Td>{t(`property.documentKind.${document.kind}`)}</Table.Td>
                  <Table.Td>{document.fileName}</Table.Td>
                  <Table.Td ta="right">
                    {t('property.documents.size', {
                      n: format.number(Math.max(1, Math.round(document.sizeBytes / 1024))),
                    })}
                  </Table.Td>
                  <Table.Td>{format.dateTime(document.addedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => void download(document)}
                        aria-label={`${t('property.documents.download')}: ${document.title}`}
                      >
                        {t('property.documents.download')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(document)}
                        aria-label={`${t('property.documents.remove')}: ${document.title}`}
                      >
                        {t('property.documents.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <DocumentUploadForm objectId={object.id} opened={uploading} onClose={() => setUploading(false)} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('property.documents.removeTitle')}
        message={t('property.documents.removeQuestion', { title: removing?.title ?? '' })}
        confirmLabel={t('property.documents.remove')}
        busy={remove.isPending}
        onCancel={() => {
          remove.reset()
          setRemoving(null)
        }}
        onConfirm={() => {
          if (removing) remove.mutate({ id: removing.id }, { onSuccess: () => setRemoving(null) })
        }}
      >
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      </ConfirmDialog>
    </Paper>
  )
}
