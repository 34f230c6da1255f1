import { zodResolver } from '@hookform/resolvers/zod'
import { SimpleGrid, Stack, TextInput } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { addPeriods, periodOfDate } from '../../../../domain/sanitation/period'
import { ExemptionFields } from '../../../../domain/sanitation/schemas'
import { ExemptionTarget } from '../../../../domain/sanitation/vocabulary'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { asLanguage } from '../../i18n/language'
import { boundInput } from '../../ui/boundInput'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useSanitationReference, useSanitationWrite } from './editQueries'
import { PeriodInput, WholeNumberInput } from './formFields'
import { LegalActFieldset } from './LegalActFieldset'

type Values = z.input<typeof ExemptionFields>

interface Props {
  opened: boolean
  onClose(): void
  /** From a payer's card: the exemption is that payer's. Otherwise one by category, band or for all households. */
  payerId?: string
}

const fieldNames = Object.keys(ExemptionFields.shape)

/** An exemption (a relief in percent for some periods), tied to the act that grants it. */
export function ExemptionDialog({ opened, onClose, payerId }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.exemptionForm.title')} size="lg">
      <ExemptionForm payerId={payerId} onDone={onClose} />
    </FormModal>
  )
}

export function ExemptionForm({ payerId, onDone }: { payerId?: string; onDone(): void }) {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const reference = useSanitationReference()
  const create = useSanitationWrite((input: ExemptionFields) => unwrap(api.sanitation.createExemption(input)))
  const today = isoDateInTbilisi(Date.now())
  const form = useForm<Values, unknown, ExemptionFields>({
    resolver: zodResolver(ExemptionFields) as unknown as Resolver<Values, unknown, ExemptionFields>,
    defaultValues: {
      target: payerId ? 'payer' : 'activityCategory',
      payerId: payerId ?? null,
      targetCode: null,
      reliefPercent: undefined,
      fromPeriod: addPeriods(periodOfDate(today), 1),
      toPeriod: null,
      legalActNumber: '',
      legalActDate: undefined,
      legalActKind: 'order',
      reason: '',
    },
  })
  const { control, register, formState, watch, setValue } = form
  const { errors, isSubmitting } = formState
  const server = useServerSubmit(form.setError, fieldNames)
  const target = watch('target')
  const codes =
    target === 'activityCategory'
      ? (reference.data?.activityCategories ?? []).map((c) => ({
          value: c.code,
          label: language === 'ka' ? c.nameKa : c.nameEn,
        }))
      : (reference.data?.socialBands ?? []).map((b) => ({
          value: b.code,
          label: language === 'ka' ? b.nameKa : b.nameEn,
        }))
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => create.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit} onEscape={onDone}>
      <Stack>
        {payerId ? null : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="target"
              render={({ field }) => (
                <ChoiceSelect
                  label={t('sanitation.exemptionForm.target')}
                  withAsterisk
                  emptyLabel={t('app.choose')}
                  emptyValue={undefined}
                  ref={field.ref}
                  value={field.value}
                  onChange={(value) => {
                    field.onChange(value)
                    setValue('targetCode', null)
                  }}
                  choices={ExemptionTarget.options
                    .filter((o) => o !== 'payer')
                    .map((o) => ({ value: o, label: t(`sanitation.exemptionForm.targets.${o}`) }))}
                  error={fieldError(t, errors.target)}
                />
              )}
            />
            {target === 'activityCategory' || target === 'socialBand' ? (
              <Controller
                control={control}
                name="targetCode"
                render={({ field }) => (
                  <ChoiceSelect
                    label={t(`sanitation.exemptionForm.targets.${target}`)}
                    withAsterisk
                    emptyLabel={t('app.choose')}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    choices={codes}
                    error={fieldError(t, errors.targetCode)}
                  />
                )}
              />
            ) : null}
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller
            control={control}
            name="reliefPercent"
            render={(bound) => (
              <WholeNumberInput
                label={t('sanitation.exemptionForm.reliefPercent')}
                withAsterisk
                data-autofocus
                rightSection={<span aria-hidden="true">%</span>}
                {...boundInput(bound)}
              />
            )}
          />
          <Controller
            control={control}
            name="fromPeriod"
            render={(bound) => (
              <PeriodInput label={t('sanitation.forms.fromPeriod')} withAsterisk {...boundInput(bound)} />
            )}
          />
          <Controller
            control={control}
            name="toPeriod"
            render={(bound) => (
              <PeriodInput label={t('sanitation.forms.toPeriodOpen')} nullable {...boundInput(bound)} />
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
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
