import { Paper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import { useUnitNames } from '../../reference/territorialUnits'
import { FieldList } from '../../ui/FieldList'
import { useFormat } from '../../ui/useFormat'
import { currentCadastralCode } from './currentCadastralCode'

/** The object's card: every field, formatted. */
export function ObjectOverview({ object }: { object: PropertyObjectDetail }) {
  const { t } = useTranslation()
  const format = useFormat()
  const unitNameOf = useUnitNames(format.language)
  const label = (name: string) => t(`property.field.${name}`)
  const items = [
    { label: label('inventoryNumber'), value: object.inventoryNumber },
    { label: label('name'), value: object.name },
    { label: label('cadastralCode'), value: format.text(currentCadastralCode(object)?.code) },
    { label: label('type'), value: t(`property.type.${object.type}`) },
    { label: label('propertyClass'), value: t(`property.propertyClass.${object.propertyClass}`) },
    { label: label('state'), value: t(`property.state.${object.state}`) },
    { label: label('territorialUnitId'), value: unitNameOf(object.territorialUnitId) },
    { label: label('street'), value: format.text(object.street) },
    { label: label('building'), value: format.text(object.building) },
    { label: label('apartment'), value: format.text(object.apartment) },
    { label: label('postalCode'), value: format.text(object.postalCode) },
    { label: label('addressNote'), value: format.text(object.addressNote) },
    { label: label('areaSqm'), value: format.area(object.areaSqm) },
    { label: label('bookValueTetri'), value: format.money(object.bookValueTetri) },
    { label: label('marketValueTetri'), value: format.money(object.marketValueTetri) },
    { label: label('purpose'), value: format.text(object.purpose) },
    { label: label('acquiredOn'), value: format.date(object.acquiredOn) },
    { label: label('acquisitionMethod'), value: t(`property.acquisitionMethod.${object.acquisitionMethod}`) },
    { label: label('acquisitionAct'), value: format.text(object.acquisitionAct) },
    { label: label('custodian'), value: format.text(object.custodian) },
    { label: label('createdAt'), value: format.dateTime(object.createdAt) },
    { label: label('updatedAt'), value: format.dateTime(object.updatedAt) },
    { label: label('notes'), value: format.text(object.notes), wide: true },
  ]
  return (
    <Paper withBorder p="lg">
      <FieldList items={items} />
    </Paper>
  )
}
