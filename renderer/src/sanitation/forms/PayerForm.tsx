import { zodResolver } from '@hookform/resolvers/zod'
import { Fieldset, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { PayerEditFields } from '../../../../domain/sanitation/editSchemas'
import { PayerFields } from '../../../../domain/sanitation/schemas'
import { BillingUnit, PayerStatus } from '../../../../domain/sanitation/vocabulary'
import { asLanguage } from '../../i18n/language'
import { unitName, useTerritorialUnits } from '../../reference/territorialUnits'
import { boundInput } from '../../ui/boundInput'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { DateInput } from '../../ui/DateInput'
import { DecimalInput } from '../../ui/DecimalInput'
import { FormButtons } from '../../ui/FormButtons'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { PhoneInput } from '../../ui/PhoneInput'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { VocabularySelect } from '../../ui/VocabularySelect'
import { useSanitationReference } from './editQueries'
import { NullableTextInput, PeriodInput, WholeNumberInput } from './formFields'

type Values = z.input<typeof PayerEditFields>
export type PayerFormValues = z.output<typeof PayerEditFields>

interface Props {
  mode: 'create' | 'edit'
  defaultValues: Partial<Values>
  /** Sends the validated record; throws (an ApiFailure) when the backend refuses it. */
  onSubmit(values: PayerFormValues): Promise<unknown>
  onCancel(): void
}

const fieldNames = Object.keys(PayerEditFields.shape)
const householdOnly = ['personalNumber', 'registeredMembers', 'socialScore'] as const
const organisationOnly = ['companyCode', 'activityCategory', 'billingUnit', 'billingQuantity'] as const
const digitCount = { companyCode: 9, personalNumber: 11, postalCode: 4 } as const

/**
 * A household's or an organisation's record, every field DOMAIN.md lists, checked by the schema the
 * backend uses (PayerFields for a new payer, PayerEditFields when editing one, which adds the status).
 */
export function PayerForm({ mode, defaultValues, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const units = useTerritorialUnits()
  const reference = useSanitationReference()
  const schema = mode === 'create' ? PayerFields : PayerEditFields
  const form = useForm<Values, unknown, PayerFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<Values, unknown, PayerFormValues>,
    defaultValues,
  })
  const { register, control, formState, watch, setValue } = form
  const { errors, isSubmitting } = formState
  const server = useServerSubmit(form.setError, fieldNames, mode === 'edit' ? 'changes.' : '')
  const kind = watch('kind')
  const status = watch('status')
  const label = (name: string) => t(`sanitation.payerForm.field.${name}`)
  const submit = form.handleSubmit((values) => server.run(() => onSubmit(values)))

  const switchKind = (next: string) => {
    setValue('kind', next as Values['kind'], { shouldDirty: true })
    // The other kind's fields are cleared: a household has no company code, an organisation no members.
    for (const field of next === 'household' ? organisationOnly : householdOnly) setValue(field, null)
  }
  const chooseCategory = (code: string | null | undefined) => {
    setValue('activityCategory', code ?? null, { shouldDirty: true })
    const category = reference.data?.activityCategories.find((c) => c.code === code)
    if (category) setValue('billingUnit', category.unit, { shouldDirty: true })
  }
  // The codes typed as digits (company code, personal number, postal code); null when left empty.
  const digits = (name: 'companyCode' | 'personalNumber' | 'postalCode') => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NullableTextInput
          label={label(name)}
          withAsterisk={name !== 'postalCode'}
          inputMode="numeric"
          maxLength={digitCount[name]}
          ref={field.ref}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldError(t, fieldState.error)}
        />
      )}
    />
  )

  return (
    <KeyboardForm onSubmit={submit} onEscape={onCancel}>
      <Stack gap="lg">
        {mode === 'create' ? (
          <SegmentedControl
            aria-label={label('kind')}
            value={kind ?? 'household'}
            onChange={switchKind}
            data={[
              { value: 'household', label: t('sanitation.payerForm.kind.household') },
              { value: 'organisation', label: t('sanitation.payerForm.kind.organisation') },
            ]}
          />
        ) : null}
        <Fieldset legend={t('sanitation.payerForm.sectionPayer')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={label(kind === 'organisation' ? 'organisationName' : 'headName')}
              withAsterisk
              data-autofocus
              autoComplete="off"
              error={fieldError(t, errors.name)}
              {...register('name')}
            />
            {kind === 'organisation' ? digits('companyCode') : digits('personalNumber')}
            <Controller
              control={control}
              name="phone"
              render={(bound) => <PhoneInput label={label('phone')} {...boundInput(bound)} />}
            />
            <Controller
              control={control}
              name="billedFrom"
              render={(bound) => (
                <PeriodInput label={label('billedFrom')} withAsterisk {...boundInput(bound)} />
              )}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('sanitation.payerForm.sectionAddress')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="territorialUnitId"
              render={({ field }) => (
                <ChoiceSelect
                  label={label('territorialUnitId')}
                  withAsterisk
                  emptyLabel={t('app.choose')}
                  emptyValue={undefined}
                  ref={field.ref}
                  onBlur={field.onBlur}
                  value={field.value}
                  onChange={field.onChange}
                  choices={(units.data ?? []).map((u) => ({ value: u.id, label: unitName(u, language) }))}
                  error={fieldError(t, errors.territorialUnitId)}
                />
              )}
            />
            <TextInput
              label={label('street')}
              withAsterisk
              autoComplete="off"
              error={fieldError(t, errors.street)}
              {...register('street')}
            />
            <SimpleGrid cols={2}>
              <TextInput
                label={label('building')}
                autoComplete="off"
                error={fieldError(t, errors.building)}
                {...register('building')}
              />
              <TextInput
                label={label('apartment')}
                autoComplete="off"
                error={fieldError(t, errors.apartment)}
                {...register('apartment')}
              />
            </SimpleGrid>
            {digits('postalCode')}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('sanitation.payerForm.sectionBilling')}>
          {kind === 'organisation' ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Controller
                control={control}
                name="activityCategory"
                render={({ field }) => (
                  <ChoiceSelect
                    label={label('activityCategory')}
                    withAsterisk
                    emptyLabel={t('app.choose')}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value}
                    onChange={chooseCategory}
                    choices={(reference.data?.activityCategories ?? []).map((c) => ({
                      value: c.code,
                      label: language === 'ka' ? c.nameKa : c.nameEn,
                    }))}
                    error={fieldError(t, errors.activityCategory)}
                  />
                )}
              />
              <Controller
                control={control}
                name="billingUnit"
                render={(bound) => (
                  <VocabularySelect
                    label={label('billingUnit')}
                    options={BillingUnit.options}
                    labelKey="sanitation.forms.unit"
                    {...boundInput(bound)}
                  />
                )}
              />
              <Controller
                control={control}
                name="billingQuantity"
                render={(bound) => (
                  <DecimalInput
                    label={label('billingQuantity')}
                    withAsterisk
                    nullable
                    {...boundInput(bound)}
                  />
                )}
              />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name="registeredMembers"
                render={(bound) => (
                  <WholeNumberInput
                    label={label('registeredMembers')}
                    withAsterisk
                    nullable
                    {...boundInput(bound)}
                  />
                )}
              />
              <Controller
                control={control}
                name="socialScore"
                render={(bound) => (
                  <WholeNumberInput
                    label={label('socialScore')}
                    description={t('sanitation.payerForm.socialScoreHint')}
                    nullable
                    {...boundInput(bound)}
                  />
                )}
              />
            </SimpleGrid>
          )}
        </Fieldset>

        {mode === 'edit' ? (
          <Fieldset legend={t('sanitation.payerForm.sectionStatus')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name="status"
                render={(bound) => (
                  <VocabularySelect
                    label={label('status')}
                    options={PayerStatus.options}
                    labelKey="sanitation.forms.payerStatus"
                    {...boundInput(bound)}
                  />
                )}
              />
              {status === 'closed' ? (
                <Controller
                  control={control}
                  name="closedOn"
                  render={(bound) => (
                    <DateInput label={label('closedOn')} withAsterisk nullable {...boundInput(bound)} />
                  )}
                />
              ) : null}
            </SimpleGrid>
          </Fieldset>
        ) : null}

        <Textarea
          label={label('notes')}
          autosize
          minRows={2}
          error={fieldError(t, errors.notes)}
          {...register('notes')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
