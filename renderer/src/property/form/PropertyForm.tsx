import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { PropertyObjectCreate, PropertyObjectFields } from '../../../../domain/property/schemas'
import {
  AcquisitionMethod,
  ObjectState,
  ObjectType,
  PropertyClass,
} from '../../../../domain/property/vocabulary'
import { asLanguage } from '../../i18n/language'
import { unitName, useTerritorialUnits } from '../../reference/territorialUnits'
import { boundInput } from '../../ui/boundInput'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DateInput } from '../../ui/DateInput'
import { DecimalInput } from '../../ui/DecimalInput'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { MoneyInput } from '../../ui/MoneyInput'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { objectFieldNames } from './propertyFormValues'

type Values = z.input<typeof PropertyObjectCreate>
type Mode = 'create' | 'edit'

interface Props {
  mode: Mode
  defaultValues: Partial<Values>
  /** Sends the validated values; throws (an ApiFailure) when the backend refuses them. */
  onSubmit(values: PropertyObjectCreate): Promise<unknown>
  onCancel(): void
  /** Offered when the record changed meanwhile (STALE_VERSION). */
  onReload?: () => void
}

const fieldNames = [...objectFieldNames, 'cadastralCode']

/**
 * The object's fields, validated by the same schema the backend uses: PropertyObjectCreate for a
 * new object (with its first cadastral code), PropertyObjectFields when editing one.
 */
export function PropertyForm({ mode, defaultValues, onSubmit, onCancel, onReload }: Props) {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const units = useTerritorialUnits()
  const schema = mode === 'create' ? PropertyObjectCreate : PropertyObjectFields
  const form = useForm<Values, unknown, PropertyObjectCreate>({
    resolver: zodResolver(schema) as unknown as Resolver<Values, unknown, PropertyObjectCreate>,
    defaultValues,
  })
  const { register, control, formState } = form
  const { errors, isSubmitting, isDirty } = formState
  const server = useServerSubmit(form.setError, fieldNames, mode === 'edit' ? 'changes.' : '')
  const [confirmingCancel, setConfirmingCancel] = useState(false)

  const cancel = () => (isDirty ? setConfirmingCancel(true) : onCancel())
  const submit = form.handleSubmit((values) => server.run(() => onSubmit(values)))
  const label = (name: string) => t(`property.field.${name}`)
  const enumChoices = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }))

  return (
    <>
      <KeyboardForm onSubmit={submit} onEscape={cancel}>
        <Stack gap="lg">
          <Fieldset legend={t('property.form.sectionMain')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <TextInput
                label={label('inventoryNumber')}
                withAsterisk
                autoFocus
                autoComplete="off"
                error={fieldError(t, errors.inventoryNumber)}
                {...register('inventoryNumber')}
              />
              <TextInput
                label={label('name')}
                withAsterisk
                autoComplete="off"
                error={fieldError(t, errors.name)}
                {...register('name')}
              />
              {mode === 'create' ? (
                <Controller
                  control={control}
                  name="cadastralCode"
                  render={({ field }) => (
                    <TextInput
                      label={label('cadastralCode')}
                      placeholder="01.18.06.019.055"
                      autoComplete="off"
                      ref={field.ref}
                      onBlur={field.onBlur}
                      value={field.value ?? ''}
                      onChange={(event) =>
                        field.onChange(
                          event.currentTarget.value.trim() === '' ? null : event.currentTarget.value,
                        )
                      }
                      error={fieldError(t, errors.cadastralCode)}
                    />
                  )}
                />
              ) : null}
              <Controller
                control={control}
                name="type"
                render={({ field }) => (
                  <ChoiceSelect
                    label={label('type')}
                    withAsterisk
                    emptyLabel={t('app.choose')}
                    emptyValue={undefined}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value}
                    onChange={field.onChange}
                    choices={enumChoices('property.type', ObjectType.options)}
                    error={fieldError(t, errors.type)}
                  />
                )}
              />
              <Controller
                control={control}
                name="propertyClass"
                render={({ field }) => (
                  <ChoiceSelect
                    label={label('propertyClass')}
                    withAsterisk
                    emptyLabel={t('app.choose')}
                    emptyValue={undefined}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value}
                    onChange={field.onChange}
                    choices={enumChoices('property.propertyClass', PropertyClass.options)}
                    error={fieldError(t, errors.propertyClass)}
                  />
                )}
              />
              <Controller
                control={control}
                name="state"
                render={({ field }) => (
                  <ChoiceSelect
                    label={label('state')}
                    withAsterisk
                    emptyLabel={t('app.choose')}
                    emptyValue={undefined}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value}
                    onChange={field.onChange}
                    choices={enumChoices('property.state', ObjectState.options)}
                    error={fieldError(t, errors.state)}
                  />
                )}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('property.form.sectionAddress')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
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
                    choices={(units.data ?? []).map((unit) => ({
                      value: unit.id,
                      label: unitName(unit, language),
                    }))}
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
              <Controller
                control={control}
                name="postalCode"
                render={({ field }) => (
                  <TextInput
                    label={label('postalCode')}
                    placeholder="3700"
                    inputMode="numeric"
                    maxLength={4}
                    autoComplete="off"
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value ?? ''}
                    onChange={(event) =>
                      field.onChange(
                        event.currentTarget.value.trim() === '' ? null : event.currentTarget.value,
                      )
                    }
                    error={fieldError(t, errors.postalCode)}
                  />
                )}
              />
              <TextInput
                label={label('addressNote')}
                autoComplete="off"
                error={fieldError(t, errors.addressNote)}
                style={{ gridColumn: 'span 2' }}
                {...register('addressNote')}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('property.form.sectionValue')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <Controller
                control={control}
                name="areaSqm"
                render={(bound) => <DecimalInput label={label('areaSqm')} nullable {...boundInput(bound)} />}
              />
              <Controller
                control={control}
                name="bookValueTetri"
                render={(bound) => (
                  <MoneyInput
                    label={label('bookValueTetri')}
                    description={t('property.form.moneyHint')}
                    withAsterisk
                    {...boundInput(bound)}
                  />
                )}
              />
              <Controller
                control={control}
                name="marketValueTetri"
                render={(bound) => (
                  <MoneyInput
                    label={label('marketValueTetri')}
                    description={t('property.form.moneyHint')}
                    nullable
                    {...boundInput(bound)}
                  />
                )}
              />
              <TextInput
                label={label('purpose')}
                autoComplete="off"
                error={fieldError(t, errors.purpose)}
                style={{ gridColumn: '1 / -1' }}
                {...register('purpose')}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('property.form.sectionAcquisition')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <Controller
                control={control}
                name="acquiredOn"
                render={(bound) => <DateInput label={label('acquiredOn')} nullable {...boundInput(bound)} />}
              />
              <Controller
                control={control}
                name="acquisitionMethod"
                render={({ field }) => (
                  <ChoiceSelect
                    label={label('acquisitionMethod')}
                    withAsterisk
                    emptyLabel={t('app.choose')}
                    emptyValue={undefined}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value}
                    onChange={field.onChange}
                    choices={enumChoices('property.acquisitionMethod', AcquisitionMethod.options)}
                    error={fieldError(t, errors.acquisitionMethod)}
                  />
                )}
              />
              <TextInput
                label={label('acquisitionAct')}
                autoComplete="off"
                error={fieldError(t, errors.acquisitionAct)}
                {...register('acquisitionAct')}
              />
              <TextInput
                label={label('custodian')}
                autoComplete="off"
                error={fieldError(t, errors.custodian)}
                style={{ gridColumn: '1 / -1' }}
                {...register('custodian')}
              />
              <Textarea
                label={label('notes')}
                autosize
                minRows={2}
                maxRows={6}
                error={fieldError(t, errors.notes)}
                style={{ gridColumn: '1 / -1' }}
                {...register('notes')}
              />
            </SimpleGrid>
          </Fieldset>

          {server.failure ? (
            <ErrorAlert
              error={server.failure.thrown}
              extraMessages={server.failure.unplaced}
              onReload={onReload}
            />
          ) : null}

          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('property.form.keyboardHint')}
            </Text>
            <Group>
              <Button variant="default" onClick={cancel}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={isSubmitting}>
                {t('app.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </KeyboardForm>
      <ConfirmDialog
        opened={confirmingCancel}
        title={t('app.discardTitle')}
        message={t('app.discardQuestion')}
        confirmLabel={t('app.discard')}
        onConfirm={onCancel}
        onCancel={() => setConfirmingCancel(false)}
      />
    </>
  )
}
