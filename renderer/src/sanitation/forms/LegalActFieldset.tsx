import { Fieldset, SimpleGrid, TextInput } from '@mantine/core'
import { type Control, Controller, type FieldErrors, type UseFormRegister } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { LegalActKind } from '../../../../domain/georgian/legalAct'
import { boundInput } from '../../ui/boundInput'
import { DateInput } from '../../ui/DateInput'
import { fieldError } from '../../ui/fieldError'
import { VocabularySelect } from '../../ui/VocabularySelect'

interface LegalActValues {
  legalActNumber: string
  legalActDate: string
  legalActKind: string
}

interface Props<T extends LegalActValues> {
  // The forms that hold a legal act differ in their other fields; these three are the same.
  control: Control<T>
  register: UseFormRegister<T>
  errors: FieldErrors<T>
}

/** The act a relief rests on: its kind, number and date, as cited on the notice. */
export function LegalActFieldset<T extends LegalActValues>(props: Props<T>) {
  const { t } = useTranslation()
  const control = props.control as unknown as Control<LegalActValues>
  const register = props.register as unknown as UseFormRegister<LegalActValues>
  const errors = props.errors as FieldErrors<LegalActValues>
  return (
    <Fieldset legend={t('sanitation.forms.legalAct')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Controller
          control={control}
          name="legalActKind"
          render={(bound) => (
            <VocabularySelect
              label={t('sanitation.forms.legalActKind')}
              options={LegalActKind.options}
              labelKey="sanitation.forms.actKind"
              {...boundInput(bound)}
            />
          )}
        />
        <TextInput
          label={t('sanitation.forms.legalActNumber')}
          withAsterisk
          autoComplete="off"
          error={fieldError(t, errors.legalActNumber)}
          {...register('legalActNumber')}
        />
        <Controller
          control={control}
          name="legalActDate"
          render={(bound) => (
            <DateInput label={t('sanitation.forms.legalActDate')} withAsterisk {...boundInput(bound)} />
          )}
        />
      </SimpleGrid>
    </Fieldset>
  )
}
