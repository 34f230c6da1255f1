import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PayerKind } from '../../../../domain/sanitation/vocabulary'
import { TerritorialUnitSelect } from '../../reference/TerritorialUnitSelect'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { SearchInput } from '../../ui/SearchInput'
import { type PayerFilterState, setPayerFilters } from './payerFilterState'

/** Search box (Georgian or Latin layout) and the two filters above the payer list. */
export function PayerFilters({ filters }: { filters: PayerFilterState }) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput
        label={t('sanitation.payers.search')}
        placeholder={t('sanitation.payers.searchPlaceholder')}
        value={filters.search}
        onChange={(search) => setPayerFilters({ search })}
        flex="1 1 360px"
      />
      <TerritorialUnitSelect
        label={t('sanitation.field.territorialUnitId')}
        emptyLabel={t('sanitation.payers.allUnits')}
        value={filters.territorialUnitId}
        onChange={(value) => setPayerFilters({ territorialUnitId: value ?? null })}
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
