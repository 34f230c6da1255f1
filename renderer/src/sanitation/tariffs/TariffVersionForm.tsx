import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import type { TariffCorrections, TariffVersionView } from '../../../../domain/sanitation/editSchemas'
import { TariffVersionFields } from '../../../../domain/sanitation/schemas'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { asLanguage } from '../../i18n/language'
import { boundInput } from '../../ui/boundInput'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { DateInput } from '../../ui/DateInput'
import { FormModal } from '../../ui/FormModal'
import { fieldError, fieldErrorKey } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { MoneyInput } from '../../ui/MoneyInput'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useFormat } from '../../ui/useFormat'
import { usePreviewThenSave } from '../../ui/usePreviewThenSave'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { usePreviewTariffVersion, useSanitationReference, useSanitationWrite } from '../forms/editQueries'
import { WholeNumberInput } from '../forms/formFields'
import { tariffFormFrom } from './tariffFormValues'

type Values = z.input<typeof TariffVersionFields>
const fieldNames = [
  ...Object.keys(TariffVersionFields.shape),
  // Rows of the rate tables, where the backend names a band or a category it does not know.
  ...Array.from({ length: 20 }, (_, i) => `bandRates.${i}.band`),
  ...Array.from({ length: 200 }, (_, i) => `activityRates.${i}.category`),
]

interface Props {
  opened: boolean
  onClose(): void
  versions: readonly TariffVersionView[]
  /** The version is adopted; its correction lines are being written (the screen shows their progress). */
  onAdopted(versionId: string): void
}

/**
 * A new tariff version under a Sakrebulo resolution. Before it is adopted the form shows the
 * correction lines it would issue for charges already made (a retroactive amendment); issued
 * charges themselves never change.
 */
export function TariffVersionDialog({ opened, onClose, versions, onAdopted }: Props) {
  const { t } = useTranslation()
  const reference = useSanitationReference()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.tariffs.newVersion')} size="xl">
      {reference.data ? (
        <TariffVersionForm
          versions={versions}
          defaultValues={tariffFormFrom(versions[0], reference.data, isoDateInTbilisi(Date.now()))}
          onDone={onClose}
          onAdopted={onAdopted}
        />
      ) : null}
    </FormModal>
  )
}

function TariffVersionForm({
  versions,
  defaultValues,
  onDone,
  onAdopted,
}: {
  versions: readonly TariffVersionView[]
  defaultValues: Partial<Values>
  onDone(): void
  onAdopted(versionId: string): void
}) {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const format = useFormat()
  const reference = useSanitationReference()
  const preview = usePreviewTariffVersion()
  const create = useSanitationWrite((input: TariffVersionFields) =>
    unwrap(api.sanitation.createTariffVersion(input)),
  )
  const form = useForm<Values, unknown, TariffVersionFields>({
    resolver: zodResolver(TariffVersionFields) as unknown as Resolver<Values, unknown, TariffVersionFields>,
    defaultValues,
  })
  const { control, register, formState } = form
  const { errors, isSubmitting } = formState
  const server = useServerSubmit(form.setError, fieldNames)
  const {
    previewed: checked,
    preview: checkValues,
    confirm: adopt,
  } = usePreviewThenSave<TariffVersionFields, TariffCorrections>({
    form,
    run: server.run,
    preview: (values) => preview.mutateAsync(values),
    save: (values) => create.mutateAsync(values),
    onSaved: onAdopted,
    onDone,
  })
  const check = form.handleSubmit(checkValues)
  const bandName = (code: string) => {
    const band = reference.data?.socialBands.find((b) => b.code === code)
    return band ? (language === 'ka' ? band.nameKa : band.nameEn) : code
  }
  const categoryName = (code: string) => {
    const category = reference.data?.activityCategories.find((c) => c.code === code)
    return category ? (language === 'ka' ? category.nameKa : category.nameEn) : code
  }
  const money = (
    name: `bandRates.${number}.rateTetri` | `activityRates.${number}.rateTetri`,
    label: string,
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MoneyInput
          aria-label={label}
          size="xs"
          ref={field.ref}
          onBlur={field.onBlur}
          value={field.value}
          onChange={field.onChange}
          error={fieldErrorKey(fieldState.error)}
        />
      )}
    />
  )

  return (
    <KeyboardForm onSubmit={check} onEscape={onDone}>
      <Stack>
        <Fieldset legend={t('sanitation.tariffs.resolution')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput
              label={t('sanitation.tariffs.resolutionNumber')}
              withAsterisk
              data-autofocus
              autoComplete="off"
              error={fieldError(t, errors.resolutionNumber)}
              {...register('resolutionNumber')}
            />
            <Controller
              control={control}
              name="resolutionDate"
              render={(bound) => (
                <DateInput
                  label={t('sanitation.tariffs.resolutionDate')}
                  withAsterisk
                  {...boundInput(bound)}
                />
              )}
            />
            <Controller
              control={control}
              name="effectiveFrom"
              render={(bound) => (
                <DateInput
                  label={t('sanitation.tariffs.effectiveFrom')}
                  withAsterisk
                  {...boundInput(bound)}
                />
              )}
            />
            <Controller
              control={control}
              name="effectiveTo"
              render={(bound) => (
                <DateInput label={t('sanitation.tariffs.effectiveTo')} nullable {...boundInput(bound)} />
              )}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="amendsVersionId"
            render={({ field }) => (
              <ChoiceSelect
                mt="sm"
                label={t('sanitation.tariffs.amends')}
                description={t('sanitation.tariffs.amendsHint')}
                emptyLabel={t('sanitation.tariffs.amendsNone')}
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                choices={versions.map((v) => ({
                  value: v.id,
                  label: t('sanitation.tariffs.versionLabel', {
                    number: v.resolutionNumber,
                    date: format.date(v.resolutionDate),
                    from: format.date(v.effectiveFrom),
                  }),
                }))}
                error={fieldError(t, errors.amendsVersionId)}
              />
            )}
          />
        </Fieldset>

        <Fieldset legend={t('sanitation.tariffs.households')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="householdRateTetri"
              render={(bound) => (
                <MoneyInput
                  label={t('sanitation.tariffs.householdRate')}
                  withAsterisk
                  {...boundInput(bound)}
                />
              )}
            />
            <Controller
              control={control}
              name="memberCap"
              render={(bound) => (
                <WholeNumberInput
                  label={t('sanitation.tariffs.memberCap')}
                  withAsterisk
                  {...boundInput(bound)}
                />
              )}
            />
          </SimpleGrid>
          <Table mt="sm" aria-label={t('sanitation.tariffs.bandRates')}>
            <Table.Tbody>
              {(defaultValues.bandRates ?? []).map((r, i) => (
                <Table.Tr key={r.band}>
                  <Table.Td>{bandName(r.band)}</Table.Td>
                  <Table.Td w="40%">{money(`bandRates.${i}.rateTetri`, bandName(r.band))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Fieldset>

        <Fieldset legend={t('sanitation.tariffs.organisations')}>
          <Table aria-label={t('sanitation.tariffs.activityRates')}>
            <Table.Tbody>
              {(defaultValues.activityRates ?? []).map((r, i) => (
                <Table.Tr key={`${r.category}/${r.unit}`}>
                  <Table.Td>{categoryName(r.category)}</Table.Td>
                  <Table.Td>{t(`sanitation.forms.unit.${r.unit}`)}</Table.Td>
                  <Table.Td w="40%">
                    {money(`activityRates.${i}.rateTetri`, categoryName(r.category))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Fieldset>

        <TextInput
          label={t('sanitation.forms.note')}
          autoComplete="off"
          error={fieldError(t, errors.note)}
          {...register('note')}
        />
        {checked ? (
          <Alert
            color={checked.result.lineCount > 0 ? 'orange' : 'blue'}
            title={t('sanitation.tariffs.checkTitle')}
          >
            <Text size="sm">
              {checked.result.lineCount > 0
                ? t('sanitation.tariffs.corrections', {
                    lines: format.number(checked.result.lineCount),
                    payers: format.number(checked.result.payerCount),
                    total: format.money(checked.result.totalTetri),
                    periods: checked.result.periods.join(', '),
                  })
                : t('sanitation.tariffs.noCorrections')}
            </Text>
            {checked.result.withoutRate > 0 ? (
              <Text size="sm" mt="xs">
                {t('sanitation.tariffs.withoutRate', { n: format.number(checked.result.withoutRate) })}
              </Text>
            ) : null}
          </Alert>
        ) : null}
        <SubmitFailureAlert failure={server.failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          {checked ? (
            <Button loading={create.isPending} onClick={() => void adopt()}>
              {t('sanitation.tariffs.adopt')}
            </Button>
          ) : (
            <Button type="submit" loading={isSubmitting}>
              {t('sanitation.tariffs.check')}
            </Button>
          )}
        </Group>
      </Stack>
    </KeyboardForm>
  )
}
