import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePayerSearch } from './bankQueries'

interface Props {
  /** What a screen reader announces (the select sits in a table row, with no visible label). */
  label: string
  value: string | null
  onChange(payer: { id: string; name: string } | null): void
}

/** A search select over the payer list: the clerk types a name, personal number or payment code. */
export function PayerPicker({ label, value, onChange }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const found = usePayerSearch(debounced)
  const rows = found.data?.rows ?? []
  return (
    <Select
      aria-label={label}
      placeholder={t('sanitation.bankScreen.choosePayerHint')}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The backend searches; the select shows what it found as it is.
      filter={({ options }) => options}
      data={rows.map((r) => ({ value: r.id, label: `${r.name} · ${r.paymentCode}` }))}
      nothingFoundMessage={
        debounced.trim().length >= 2 && !found.isFetching ? t('sanitation.bankScreen.noPayers') : undefined
      }
      onChange={(id) => {
        const row = rows.find((r) => r.id === id)
        onChange(row ? { id: row.id, name: row.name } : null)
      }}
      w={300}
    />
  )
}
