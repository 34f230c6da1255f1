import { Group, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PayerKind } from '../../../../domain/sanitation/vocabulary'
import { asLanguage } from '../../i18n/language'
import { unitName, useTerritorialUnits } from '../../reference/territorialUnits'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { type PayerFilterState, setPayerFilters } from './payerFilterState'

/** Search box (Georgian or Latin layout) and the two filters above the payer list. */
export function PayerFilters({ filters }: { filters: PayerFilterState }) {
  const { t, i18n } = useTranslation()
  const units = useTerritorialUnits()
  const language = asLanguage(i18n.language)
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        type="search"
        label={t('sanitation.payers.search')}
        placeholder={t('sanitation.payers.searchPlaceholder')}
        value={filters.search}
        onChange={(event) => setPayerFilters({ search: event.currentTarget.value })}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        style={{ flex: '1 1 360px' }}
      />
      <ChoiceSelect
        label={t('sanitation.field.territorialUnitId')}
        emptyLabel={t('sanitation.payers.allUnits')}
        value={filters.territorialUnitId}
        onChange={(value) => setPayerFilters({ territorialUnitId: value ?? null })}
        choices={(units.data ?? []).map((unit) => ({ value: unit.id, label: unitName(unit, language) }))}
        w={240}
      />
      <ChoiceSelect
        label={t('sanitation.field.kind')}
        emptyLabel={t('sanitation.payers.allKinds')}
        value={filters.kind}
        onChange={(value) => setPayerFilters({ kind: value ? PayerKind.parse(value) : null })}
        choices={PayerKind.options.map((value) => ({ value, label: t(`sanitation.kind.${value}`) }))}
        w={190}
      />
    </Group>
  )
}
