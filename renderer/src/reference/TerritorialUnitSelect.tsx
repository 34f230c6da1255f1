import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { asLanguage } from '../i18n/language'
import { ChoiceSelect } from '../ui/ChoiceSelect'
import { unitName, useTerritorialUnits } from './territorialUnits'

/** A choice of Rustavi's territorial units, named in the interface language. */
export function TerritorialUnitSelect(props: Omit<ComponentProps<typeof ChoiceSelect>, 'choices'>) {
  const { i18n } = useTranslation()
  const units = useTerritorialUnits()
  const language = asLanguage(i18n.language)
  return (
    <ChoiceSelect
      {...props}
      choices={(units.data ?? []).map((unit) => ({ value: unit.id, label: unitName(unit, language) }))}
    />
  )
}
