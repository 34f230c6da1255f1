import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { AmnestyOutcome } from '../../../../domain/sanitation/editSchemas'
import { AmnestyFields } from '../../../../domain/sanitation/schemas'
import { AmnestyCoverage } from '../../../../domain/sanitation/vocabulary'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { boundInput } from '../../ui/boundInput'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useFormat } from '../../ui/useFormat'
import { usePreviewThenSave } from '../../ui/usePreviewThenSave'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { VocabularySelect } from '../../ui/VocabularySelect'
import { usePreviewAmnesty, useSanitationWrite } from './editQueries'
import { PeriodInput } from './formFields'
import { LegalActFieldset } from './LegalActFieldset'

type Values = z.input<typeof AmnestyFields>
const fieldNames = Object.keys(AmnestyFields.shape)

interface Props {
  onDone(): void
  /** The amnesty is recorded; its lines are being written (the screen shows their progress). */
  onGranted(amnestyId: string): void
}

/**
 * A period amnesty (a head's decision under a resolution): the form first shows what it would do
 * (how many payers, what it forgives, what becomes credit), and only then grants it.
 */
export function AmnestyDialog({
  opened,
  onClose,
  onGranted,
}: Pick<Props, 'onGranted'> & { opened: boolean; onClose(): void }) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.amnestyForm.title')} size="lg">
      <AmnestyForm onDone={onClose} onGranted={onGranted} />
    </FormModal>
  )
}

export function AmnestyForm({ onDone, onGranted }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const preview = usePreviewAmnesty()
  const grant = useSanitationWrite((input: AmnestyFields) => unwrap(api.sanitation.grantAmnesty(input)))
  const form = useForm<Values, unknown, AmnestyFields>({
    resolver: zodResolver(AmnestyFields) as unknown as Resolver<Values, unknown, AmnestyFields>,
    defaultValues: {
      fromPeriod: undefined,
      toPeriod: undefined,
      coverage: 'households',
      legalActNumber: '',
      legalActDate: undefined,
      legalActKind: 'resolution',
      reason: '',
    },
  })
  const { control, register, formState } = form
  const { errors, isSubmitting } = formState
  const server = useServerSubmit(form.setError, fieldNames)
  const {
    previewed: outcome,
    preview: previewValues,
    confirm,
  } = usePreviewThenSave<AmnestyFields, AmnestyOutcome>({
    form,
    run: server.run,
    preview: (values) => preview.mutateAsync(values),
    save: (values) => grant.mutateAsync(values),
    onSaved: onGranted,
    onDone,
  })
  const showPreview = form.handleSubmit(previewValues)
  return (
    <KeyboardForm onSubmit={showPreview} onEscape={onDone}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller
            control={control}
            name="fromPeriod"
            render={(bound) => (
              <PeriodInput
                label={t('sanitation.forms.fromPeriod')}
                withAsterisk
                data-autofocus
                {...boundInput(bound)}
              />
            )}
          />
          <Controller
            control={control}
            name="toPeriod"
            render={(bound) => (
              <PeriodInput label={t('sanitation.forms.toPeriod')} withAsterisk {...boundInput(bound)} />
            )}
          />
          <Controller
            control={control}
            name="coverage"
            render={(bound) => (
              <VocabularySelect
                label={t('sanitation.amnestyForm.coverage')}
                options={AmnestyCoverage.options}
                labelKey="sanitation.amnestyForm.coverages"
                {...boundInput(bound)}
              />
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('sanitation.forms.reason')}
          withAsterisk
          autoComplete="off"
          error={fieldError(t, errors.reason)}
          {...register('reason')}
        />
        <LegalActFieldset control={control} register={register} errors={errors} />
        {outcome ? (
          <Alert color="blue" title={t('sanitation.amnestyForm.previewTitle')}>
            <Text size="sm">
              {t('sanitation.amnestyForm.preview', {
                payers: format.number(outcome.result.payerCount),
                lines: format.number(outcome.result.lineCount),
                forgiven: format.money(outcome.result.forgivenTetri),
                credited: format.money(outcome.result.creditedTetri),
              })}
            </Text>
          </Alert>
        ) : null}
        <SubmitFailureAlert failure={server.failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          {outcome ? (
            <Button
              color="red"
              loading={grant.isPending}
              disabled={outcome.result.lineCount === 0}
              onClick={() => void confirm()}
            >
              {t('sanitation.amnestyForm.grant')}
            </Button>
          ) : (
            <Button type="submit" loading={isSubmitting}>
              {t('sanitation.amnestyForm.previewButton')}
            </Button>
          )}
        </Group>
      </Stack>
    </KeyboardForm>
  )
}
