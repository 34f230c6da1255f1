import { zodResolver } from '@hookform/resolvers/zod'
import { Checkbox, Divider, Grid, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo } from 'react'
import { Controller, type Resolver, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  BankDateFormat,
  BankFileFormat,
  type BankFileFormatFields,
} from '../../../../domain/sanitation/bankFileFormat'
import type { BankFormatItem } from '../../../../domain/sanitation/referenceContract'
import { type Choice, ChoiceSelect } from '../../ui/ChoiceSelect'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { BankFormatPreviewPanel } from './BankFormatPreviewPanel'
import { ColumnRefInput } from './ColumnRefInput'
import { ReferenceCodeInput, ReferenceNameInputs } from './ReferenceIdentityFields'
import { useCreateBankFormat, useUpdateBankFormat } from './referenceQueries'
import { referenceSave } from './referenceSave'

interface Props {
  /** The format being edited; undefined for a new one; null when the dialog is closed. */
  format: BankFormatItem | undefined | null
  onClose(): void
}

type Values = z.input<typeof BankFileFormatFields>
const columnNames = ['payerCode', 'amount', 'date', 'reference', 'payerName'] as const
const optionalColumns = new Set<string>(['reference', 'payerName'])
const fieldNames = [
  'code',
  'nameKa',
  'nameEn',
  'delimiter',
  'skipLines',
  'hasHeader',
  'dateFormat',
  'amountUnit',
  ...columnNames.map((c) => `columns.${c}`),
]
const delimiters = [',', ';', '\t'] as const
const delimiterKey = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const

const blank: Values = {
  code: '',
  nameKa: '',
  nameEn: '',
  delimiter: ',',
  skipLines: 0,
  hasHeader: true,
  columns: { payerCode: '', amount: '', date: '', reference: null, payerName: null },
  dateFormat: 'dd.MM.yyyy',
  amountUnit: 'lari',
}

/** A bank's statement layout: its column mapping (by header text or by position), tried live on a sample. */
export function BankFormatForm({ format, onClose }: Props) {
  const { t } = useTranslation()
  const title = format ? t('sanitation.referenceData.editFormat') : t('sanitation.referenceData.addFormat')
  return (
    <FormModal opened={format !== null} onClose={onClose} title={title} size="90rem">
      {format !== null ? <BankFormatFields format={format} onDone={onClose} /> : null}
    </FormModal>
  )
}

function BankFormatFields({ format, onDone }: { format: BankFormatItem | undefined; onDone(): void }) {
  const { t } = useTranslation()
  const create = useCreateBankFormat()
  const update = useUpdateBankFormat()
  const form = useForm<Values, unknown, BankFileFormat>({
    resolver: zodResolver(BankFileFormat) as unknown as Resolver<Values, unknown, BankFileFormat>,
    defaultValues: format
      ? (({ id: _id, version: _version, retiredOn: _retiredOn, ...fields }) => fields)(format)
      : blank,
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(referenceSave(format, values, create.mutateAsync, update.mutateAsync))) onDone()
  })

  // The preview follows the form as it is typed, once the mapping makes a whole format.
  const watched = useWatch({ control: form.control })
  const [settled] = useDebouncedValue(JSON.stringify(watched), 300)
  const trial = useMemo(() => {
    const values = JSON.parse(settled) as Values
    const parsed = BankFileFormat.safeParse({
      ...values,
      code: 'preview',
      nameKa: 'preview',
      nameEn: 'preview',
    })
    return parsed.success ? parsed.data : null
  }, [settled])

  const delimiterChoices = delimiters.map((d) => ({
    value: d,
    label: t(`sanitation.referenceData.delimiters.${delimiterKey[d]}`),
  }))
  const dateFormatChoices = BankDateFormat.options.map((d) => ({ value: d, label: d }))
  const amountUnitChoices = (['lari', 'tetri'] as const).map((u) => ({
    value: u,
    label: t(`sanitation.referenceData.amountUnits.${u}`),
  }))
  const choice = (name: 'delimiter' | 'dateFormat' | 'amountUnit', choices: readonly Choice[]) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <ChoiceSelect
          label={t(`sanitation.referenceData.${name}`)}
          withAsterisk
          ref={field.ref}
          value={field.value}
          onChange={field.onChange}
          emptyLabel={t('sanitation.referenceData.choose')}
          emptyValue={undefined}
          choices={choices}
          error={fieldError(t, errors[name])}
        />
      )}
    />
  )

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <KeyboardForm onSubmit={submit} aria-label={t('sanitation.referenceData.formatForm')}>
          <Stack gap="sm">
            <ReferenceCodeInput
              saved={format !== undefined}
              error={errors.code}
              registration={form.register('code')}
            />
            <SimpleGrid cols={2}>
              <ReferenceNameInputs
                errors={errors}
                registrations={{ nameKa: form.register('nameKa'), nameEn: form.register('nameEn') }}
              />
              {choice('delimiter', delimiterChoices)}
              <Controller
                control={form.control}
                name="skipLines"
                render={({ field }) => (
                  <NumberInput
                    label={t('sanitation.referenceData.skipLines')}
                    min={0}
                    max={50}
                    allowDecimal={false}
                    allowNegative={false}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                    error={fieldError(t, errors.skipLines)}
                  />
                )}
              />
              {choice('dateFormat', dateFormatChoices)}
              {choice('amountUnit', amountUnitChoices)}
            </SimpleGrid>
            <Checkbox label={t('sanitation.referenceData.hasHeader')} {...form.register('hasHeader')} />
            <Divider label={t('sanitation.referenceData.mapping')} labelPosition="left" />
            <Text size="xs" c="dimmed">
              {t('sanitation.referenceData.mappingHint')}
            </Text>
            {columnNames.map((name) => (
              <Controller
                key={name}
                control={form.control}
                name={`columns.${name}`}
                render={({ field }) => (
                  <ColumnRefInput
                    label={t(`sanitation.referenceData.columns.${name}`)}
                    optional={optionalColumns.has(name)}
                    value={field.value}
                    onChange={field.onChange}
                    error={fieldError(t, errors.columns?.[name])}
                  />
                )}
              />
            ))}
            <SubmitFailureAlert failure={server.failure} />
            <FormButtons onCancel={onDone} saving={isSubmitting} />
          </Stack>
        </KeyboardForm>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <BankFormatPreviewPanel format={trial} />
      </Grid.Col>
    </Grid>
  )
}
