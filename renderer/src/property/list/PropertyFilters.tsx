import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ObjectState, ObjectType } from '../../../../domain/property/vocabulary'
import { TerritorialUnitSelect } from '../../reference/TerritorialUnitSelect'
import { ChoiceSelect } from '../../ui/ChoiceSelect'
import { SearchInput } from '../../ui/SearchInput'
import { type ListFilterState, setListFilters } from './listFilters'

/** Search box and the three filters above the list. */
export function PropertyFilters({ filters }: { filters: ListFilterState }) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput
        label={t('property.list.search')}
        placeholder={t('property.list.searchPlaceholder')}
        value={filters.search}
        onChange={(search) => setListFilters({ search })}
        flex="1 1 320px"
      />
      <ChoiceSelect
        label={t('property.field.type')}
        emptyLabel={t('property.list.allTypes')}
        value={filters.type}
        onChange={(value) => setListFilters({ type: value ? ObjectType.parse(value) : null })}
        choices={ObjectType.options.map((value) => ({ value, label: t(`property.type.${value}`) }))}
        w={190}
      />
      <ChoiceSelect
        label={t('property.field.state')}
        emptyLabel={t('property.list.allStates')}
        value={filters.state}
        onChange={(value) => setListFilters({ state: value ? ObjectState.parse(value) : null })}
        choices={ObjectState.options.map((value) => ({ value, label: t(`property.state.${value}`) }))}
        w={210}
      />
      <TerritorialUnitSelect
        label={t('property.field.territorialUnitId')}
        emptyLabel={t('property.list.allUnits')}
        value={filters.territorialUnitId}
        onChange={(value) => setListFilters({ territorialUnitId: value ?? null })}
        w={240}
      />
    </Group>
  )
}
