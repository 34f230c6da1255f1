import { zodResolver } from '@hookform/resolvers/zod'
import { SimpleGrid, Stack, Table, TextInput } from '@mantine/core'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { addDays, isoDateInTbilisi } from '../../../../domain/georgian'
import { instalmentSchedule } from '../../../../domain/sanitation/instalmentPlan'
import { InstalmentPlanFields } from '../../../../domain/sanitation/schemas'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { boundInput } from '../../ui/boundInput'
import { DateInput } from '../../ui/DateInput'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { MoneyInput } from '../../ui/MoneyInput'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useFormat } from '../../ui/useFormat'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useSanitationWrite } from './editQueries'
import { WholeNumberInput } from './formFields'
import { LegalActFieldset } from './LegalActFieldset'

type Values = z.input<typeof InstalmentPlanFields>

interface Props {
  opened: boolean
  onClose(): void
  payerId: string
  /** The payer's debt, offered as the plan's total. */
  debtTetri: number
}

const fieldNames = Object.keys(InstalmentPlanFields.shape)

/** Spreads a payer's arrears over monthly instalments, under the act that allows it. */
export function InstalmentPlanDialog({ opened, onClose, payerId, debtTetri }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.planForm.title')} size="lg">
      <InstalmentPlanForm payerId={payerId} debtTetri={debtTetri} onDone={onClose} />
    </FormModal>
  )
}

export function InstalmentPlanForm({
  payerId,
  debtTetri,
  onDone,
}: {
  payerId: string
  debtTetri: number
  onDone(): void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const create = useSanitationWrite((input: InstalmentPlanFields) =>
    unwrap(api.sanitation.createInstalmentPlan(input)),
  )
  const today = isoDateInTbilisi(Date.now())
  const form = useForm<Values, unknown, InstalmentPlanFields>({
    resolver: zodResolver(InstalmentPlanFields) as unknown as Resolver<Values, unknown, InstalmentPlanFields>,
    defaultValues: {
      payerId,
      totalTetri: debtTetri > 0 ? debtTetri : undefined,
      instalments: 6,
      agreedOn: today,
      firstDueOn: addDays(today, 30),
      legalActNumber: '',
      legalActDate: today,
      legalActKind: 'order',
      note: '',
    },
  })
  const { control, register, formState, watch } = form
  const { errors, isSubmitting } = formState
  const server = useServerSubmit(form.setError, fieldNames)
  const [total, count, firstDue] = watch(['totalTetri', 'instalments', 'firstDueOn'])
  // The schedule the backend will keep, shown as the clerk types (the same pure function).
  const schedule =
    Number.isSafeInteger(total) &&
    (total as number) > 0 &&
    Number.isInteger(count) &&
    (count as number) >= 2 &&
    (count as number) <= 36 &&
    typeof firstDue === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(firstDue)
      ? instalmentSchedule(total as number, count as number, firstDue)
      : []
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => create.mutateAsync(values))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit} onEscape={onDone}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="totalTetri"
            render={(bound) => (
              <MoneyInput
                label={t('sanitation.planForm.total')}
                description={t('sanitation.planForm.debt', { amount: format.money(debtTetri) })}
                withAsterisk
                data-autofocus
                {...boundInput(bound)}
              />
            )}
          />
          <Controller
            control={control}
            name="instalments"
            render={(bound) => (
              <WholeNumberInput
                label={t('sanitation.planForm.instalments')}
                withAsterisk
                {...boundInput(bound)}
              />
            )}
          />
          <Controller
            control={control}
            name="agreedOn"
            render={(bound) => (
              <DateInput label={t('sanitation.planForm.agreedOn')} withAsterisk {...boundInput(bound)} />
            )}
          />
          <Controller
            control={control}
            name="firstDueOn"
            render={(bound) => (
              <DateInput label={t('sanitation.planForm.firstDueOn')} withAsterisk {...boundInput(bound)} />
            )}
          />
        </SimpleGrid>
        {schedule.length > 0 ? (
          <Table withTableBorder striped aria-label={t('sanitation.planForm.schedule')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№</Table.Th>
                <Table.Th>{t('sanitation.planForm.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.planForm.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedule.map((i) => (
                <Table.Tr key={i.number}>
                  <Table.Td>{i.number}</Table.Td>
                  <Table.Td>{format.date(i.dueOn)}</Table.Td>
                  <Table.Td ta="right">{format.money(i.amountTetri)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <LegalActFieldset control={control} register={register} errors={errors} />
        <TextInput
          label={t('sanitation.forms.note')}
          autoComplete="off"
          error={fieldError(t, errors.note)}
          {...register('note')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onDone} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
