import { zodResolver } from '@hookform/resolvers/zod'
import { Input, Stack, TextInput } from '@mantine/core'
import { useId, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { DocumentUpload, maxDocumentBytes } from '../../../../domain/property/schemas'
import { DocumentKind } from '../../../../domain/property/vocabulary'
import { boundInput } from '../../ui/boundInput'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { VocabularySelect } from '../../ui/VocabularySelect'
import { useAddDocument } from '../propertyMutations'
import { mimeTypeOf, readFileAsBase64 } from './documentFiles'
import { FilePicker } from './FilePicker'

interface Props {
  objectId: string
  opened: boolean
  onClose(): void
}

const fieldNames = Object.keys(DocumentUpload.shape)

/** Uploads a scanned file to the object: read in the renderer, sent as base64 to the backend. */
export function DocumentUploadForm({ objectId, opened, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('property.documents.upload')}>
      <UploadFields objectId={objectId} onDone={onClose} />
    </FormModal>
  )
}

function UploadFields({ objectId, onDone }: { objectId: string; onDone(): void }) {
  const { t } = useTranslation()
  const fileInputId = useId()
  const add = useAddDocument()
  const [reading, setReading] = useState(false)
  const form = useForm<z.input<typeof DocumentUpload>, unknown, DocumentUpload>({
    resolver: zodResolver(DocumentUpload),
    defaultValues: { objectId, title: '', kind: undefined, fileName: '', mimeType: '', contentBase64: '' },
  })
  const { errors, isSubmitting, isSubmitted } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => add.mutateAsync(values))) onDone()
  })

  const chooseFile = async (file: File | undefined) => {
    const set = (name: 'fileName' | 'mimeType' | 'contentBase64', value: string) =>
      form.setValue(name, value, { shouldValidate: isSubmitted, shouldDirty: true })
    if (!file) {
      set('contentBase64', '')
      return
    }
    if (file.size > maxDocumentBytes) {
      set('contentBase64', '')
      form.setError('contentBase64', { type: 'size', message: 'property.document.tooLarge' })
      return
    }
    setReading(true)
    try {
      set('fileName', file.name)
      set('mimeType', mimeTypeOf(file))
      set('contentBase64', await readFileAsBase64(file))
      if (form.getValues('title').trim() === '') form.setValue('title', file.name.replace(/\.[^.]+$/, ''))
    } finally {
      setReading(false)
    }
  }

  const fileError = errors.contentBase64 ?? errors.fileName ?? errors.mimeType
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <Input.Wrapper
          label={t('property.documents.file')}
          withAsterisk
          labelProps={{ htmlFor: fileInputId }}
          error={fieldError(t, fileError)}
          description={reading ? t('property.documents.reading') : t('property.documents.sizeLimit')}
        >
          <FilePicker
            id={fileInputId}
            fileName={form.watch('fileName')}
            onChoose={(file) => void chooseFile(file)}
          />
        </Input.Wrapper>
        <TextInput
          label={t('property.field.title')}
          withAsterisk
          autoComplete="off"
          error={fieldError(t, errors.title)}
          {...form.register('title')}
        />
        <Controller
          control={form.control}
          name="kind"
          render={(bound) => (
            <VocabularySelect
              label={t('property.field.kind')}
              options={DocumentKind.options}
              labelKey="property.documentKind"
              {...boundInput(bound)}
            />
          )}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting || reading} />
      </Stack>
    </KeyboardForm>
  )
}
