import { Stack, Text } from '@mantine/core'
import { useMemo } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { RejectedChange } from '../../../../domain/sync/contract'
import { FieldList } from '../../ui/FieldList'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldErrorKey } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { FieldValueInput } from '../FieldValueInput'
import { fieldsResolver, type RecordValues } from '../fieldsResolver'
import { editableFields, type FieldValue, fieldKind, fieldSchema, toFieldValue } from '../recordFields'
import { useResendRejected } from '../syncMutations'
import { useRecordWording } from '../useRecordWording'

interface Props {
  change: RejectedChange
  opened: boolean
  onClose(): void
  onResent(): void
}

/** The refused change's values in the registry's own inputs; sending them saves a new change. */
export function ResendForm({ change, opened, onClose, onResent }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sync.rejected.fixTitle')}>
      <ResendFields change={change} onCancel={onClose} onResent={onResent} />
    </FormModal>
  )
}

function ResendFields({
  change,
  onCancel,
  onResent,
}: {
  change: RejectedChange
  onCancel(): void
  onResent(): void
}) {
  const { t } = useTranslation()
  const wording = useRecordWording()
  const resend = useResendRejected()
  const editable = useMemo(() => (change.op === 'delete' ? [] : editableFields(change.fields)), [change])
  const readOnly = Object.entries(change.fields).filter(([field]) => !editable.includes(field))
  const resolver = useMemo(
    () =>
      fieldsResolver(
        Object.fromEntries(
          editable.map((field) => [field, fieldSchema(change.entity, field, change.fields[field] ?? null)]),
        ),
      ),
    [change, editable],
  )
  const form = useForm<RecordValues>({ resolver, defaultValues: { ...change.fields } })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, editable, 'fields.')
  const submit = form.handleSubmit(async (values) => {
    const fields: Record<string, FieldValue> = { ...change.fields }
    for (const field of editable) fields[field] = toFieldValue(values[field], change.fields[field] ?? null)
    if (await server.run(() => resend.mutateAsync({ id: change.id, fields }))) onResent()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <Text size="sm">
          {change.op === 'delete' ? t('sync.rejected.deleteIntro') : t('sync.rejected.fixIntro')}
        </Text>
        {readOnly.length > 0 ? (
          <FieldList
            items={readOnly.map(([field, value]) => ({
              label: wording.field(field),
              value: wording.value(field, value),
            }))}
          />
        ) : null}
        {editable.map((field, i) => {
          const saved = change.fields[field] ?? null
          const kind = fieldKind(field, saved)
          if (kind === 'readOnly') return null
          return (
            <Controller
              key={field}
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
                  autoFocus={i === 0}
                />
              )}
            />
          )
        })}
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} saveLabel={t('sync.rejected.resend')} />
      </Stack>
    </KeyboardForm>
  )
}
