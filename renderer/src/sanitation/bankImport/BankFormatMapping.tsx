import { Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  BankDateFormat,
  type BankFileFormat,
  type ColumnRef,
} from '../../../../domain/sanitation/bankFileFormat'

const columnNames = ['payerCode', 'amount', 'date', 'reference', 'payerName'] as const
const optional = new Set<string>(['reference', 'payerName'])

/** What the clerk types for a column: a number is a position, other text a header, empty is none. */
const columnRefOf = (text: string): ColumnRef | null => {
  const s = text.trim()
  if (s === '') return null
  return /^\d{1,3}$/.test(s) ? Number(s) : s
}
const textOf = (ref: ColumnRef | null) => (ref === null ? '' : String(ref))

interface Props {
  format: BankFileFormat
  onChange(format: BankFileFormat): void
  /** Field messages of the draft (i18n keys by path, e.g. "columns.amount"). */
  errors: Record<string, string>
}

/**
 * The chosen format's column mapping, shown and editable: which column (by its header text or its
 * position) holds the payer code, amount, date, reference and name, and how the file is laid out.
 */
export function BankFormatMapping({ format, onChange, errors }: Props) {
  const { t } = useTranslation()
  const error = (path: string) => (errors[path] ? t(errors[path]) : undefined)
  return (
    <Stack gap="xs" component="section" aria-labelledby="bank-mapping-title">
      <Title order={3} size="h5" id="bank-mapping-title">
        {t('sanitation.bankScreen.mapping')}
      </Title>
      <Table withTableBorder w="auto" miw={560} aria-label={t('sanitation.bankScreen.mapping')}>
        <Table.Tbody>
          {columnNames.map((name) => {
            const ref = format.columns[name]
            return (
              <Table.Tr key={name}>
                <Table.Th w={220}>{t(`sanitation.bankScreen.column.${name}`)}</Table.Th>
                <Table.Td>
                  <TextInput
                    aria-label={t(`sanitation.bankScreen.column.${name}`)}
                    value={textOf(ref)}
                    placeholder={optional.has(name) ? t('sanitation.bankScreen.notMapped') : undefined}
                    onChange={(e) =>
                      onChange({
                        ...format,
                        columns: { ...format.columns, [name]: columnRefOf(e.currentTarget.value) },
                      })
                    }
                    error={error(`columns.${name}`)}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {typeof ref === 'number' ? t('sanitation.bankScreen.byPosition', { n: ref }) : null}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" gap="md">
        <Select
          label={t('sanitation.bankScreen.delimiter')}
          data={[
            { value: ',', label: ',' },
            { value: ';', label: ';' },
            { value: '\t', label: t('sanitation.bankScreen.tab') },
          ]}
          value={format.delimiter}
          onChange={(v) => v && onChange({ ...format, delimiter: v as BankFileFormat['delimiter'] })}
          allowDeselect={false}
          size="xs"
          w={140}
        />
        <NumberInput
          label={t('sanitation.bankScreen.skipLines')}
          value={format.skipLines}
          onChange={(v) => onChange({ ...format, skipLines: typeof v === 'number' ? v : 0 })}
          min={0}
          max={50}
          allowDecimal={false}
          size="xs"
          w={200}
          error={error('skipLines')}
        />
        <Select
          label={t('sanitation.bankScreen.dateFormat')}
          data={BankDateFormat.options}
          value={format.dateFormat}
          onChange={(v) => v && onChange({ ...format, dateFormat: v as BankFileFormat['dateFormat'] })}
          allowDeselect={false}
          size="xs"
          w={150}
        />
        <Select
          label={t('sanitation.bankScreen.amountUnit')}
          data={(['lari', 'tetri'] as const).map((u) => ({
            value: u,
            label: t(`sanitation.bankScreen.unit.${u}`),
          }))}
          value={format.amountUnit}
          onChange={(v) => v && onChange({ ...format, amountUnit: v as BankFileFormat['amountUnit'] })}
          allowDeselect={false}
          size="xs"
          w={150}
        />
        <Checkbox
          label={t('sanitation.bankScreen.hasHeader')}
          checked={format.hasHeader}
          onChange={(e) => onChange({ ...format, hasHeader: e.currentTarget.checked })}
          mb={6}
        />
      </Group>
    </Stack>
  )
}
