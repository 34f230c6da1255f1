import { Stack, Text } from '@mantine/core'
import { useMemo } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../../domain/sync/contract'
import { apiErrorOf } from '../../app/apiFailure'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldErrorKey } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { FieldValueInput } from '../FieldValueInput'
import { fieldsResolver, type RecordValues } from '../fieldsResolver'
import { fieldKind, fieldSchema, toFieldValue } from '../recordFields'
import { useResolveConflict } from '../syncMutations'
import { useRecordWording } from '../useRecordWording'

interface Props {
  conflict: Conflict & { field: string }
  opened: boolean
  onClose(): void
  onResolved(): void
}

/** A head types the value that reconciles both edits; the field's own schema checks it. */
export function MergeValueForm({ conflict, opened, onClose, onResolved }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sync.conflicts.mergeTitle')} size="md">
      <MergeField conflict={conflict} onCancel={onClose} onResolved={onResolved} />
    </FormModal>
  )
}

function MergeField({
  conflict,
  onCancel,
  onResolved,
}: {
  conflict: Conflict & { field: string }
  onCancel(): void
  onResolved(): void
}) {
  const { t } = useTranslation()
  const wording = useRecordWording()
  const resolve = useResolveConflict()
  const { field, entity } = conflict
  const saved = conflict.current.value
  const resolver = useMemo(
    () => fieldsResolver({ [field]: fieldSchema(entity, field, saved) }),
    [entity, field, saved],
  )
  const form = useForm<RecordValues>({ resolver, defaultValues: { [field]: saved } })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, [field])
  const kind = fieldKind(field, saved ?? conflict.other.value)
  const submit = form.handleSubmit(async (values) => {
    const merged = toFieldValue(values[field], saved)
    server.clear()
    try {
      await resolve.mutateAsync({ id: conflict.id, keep: 'merged', merged })
      onResolved()
    } catch (thrown) {
      // The backend names the typed value `merged`; on this form it is the field itself.
      const key = apiErrorOf(thrown).fields?.merged
      if (key) form.setError(field, { type: 'server', message: key }, { shouldFocus: true })
      else await server.run(() => Promise.reject(thrown))
    }
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('sync.conflicts.mergeIntro')}</Text>
        {kind === 'readOnly' ? null : (
          <Controller
            control={form.control}
            name={field}
            render={({ field: input }) => (
              <FieldValueInput
                field={field}
                kind={kind}
                saved={saved}
                label={wording.field(field)}
                value={input.value}
                onChange={input.onChange}
                onBlur={input.onBlur}
                error={fieldErrorKey(errors[field] as Parameters<typeof fieldErrorKey>[0])}
                autoFocus
              />
            )}
          />
        )}
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} saveLabel={t('sync.conflicts.decide')} />
      </Stack>
    </KeyboardForm>
  )
}
