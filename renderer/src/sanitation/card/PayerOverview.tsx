import { Paper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { defaultActivityCategories } from '../../../../domain/sanitation/referenceData'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { useUnitNames } from '../../reference/territorialUnits'
import { FieldList } from '../../ui/FieldList'
import { formatPhone } from '../../ui/formatPhone'
import { useFormat } from '../../ui/useFormat'

/** The payer's record: every field a household or an organisation has, formatted. */
export function PayerOverview({ payer }: { payer: PayerAccountView['payer'] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const unitName = useUnitNames(format.language)
  const label = (name: string) => t(`sanitation.field.${name}`)
  const category = defaultActivityCategories.find((c) => c.code === payer.activityCategory)
  const household = payer.kind === 'household'
  const items = [
    { label: label('paymentCode'), value: payer.paymentCode },
    { label: label('name'), value: payer.name },
    { label: label('kind'), value: t(`sanitation.kind.${payer.kind}`) },
    { label: label('status'), value: t(`sanitation.status.${payer.status}`) },
    household
      ? { label: label('personalNumber'), value: format.text(payer.personalNumber) }
      : { label: label('companyCode'), value: format.text(payer.companyCode) },
    { label: label('territorialUnitId'), value: unitName(payer.territorialUnitId) },
    { label: label('street'), value: format.text(payer.street) },
    { label: label('building'), value: format.text(payer.building) },
    { label: label('apartment'), value: format.text(payer.apartment) },
    { label: label('postalCode'), value: format.text(payer.postalCode) },
    { label: label('phone'), value: payer.phone ? formatPhone(payer.phone) : format.text(null) },
    ...(household
      ? [
          { label: label('registeredMembers'), value: format.number(payer.registeredMembers) },
          { label: label('socialScore'), value: format.number(payer.socialScore) },
        ]
      : [
          {
            label: label('activityCategory'),
            value: category ? (format.language === 'ka' ? category.nameKa : category.nameEn) : '—',
          },
          {
            label: label('billingQuantity'),
            value: payer.billingUnit
              ? `${format.number(payer.billingQuantity)} ${t(`sanitation.unit.${payer.billingUnit}`)}`
              : '—',
          },
        ]),
    { label: label('billedFrom'), value: payer.billedFrom },
    { label: label('closedOn'), value: format.date(payer.closedOn) },
    { label: label('notes'), value: format.text(payer.notes), wide: true },
  ]
  return (
    <Paper withBorder p="lg">
      <FieldList items={items} />
    </Paper>
  )
}
