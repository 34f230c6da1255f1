import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PropertyObjectDetail } from '../../../../domain/property/views'
import { useFormat } from '../../ui/useFormat'
import { CadastralCodeForm } from './CadastralCodeForm'

// The backend records an object's first code with this reason; it is a marker, not a clerk's text.
const REGISTRATION = 'registration'

/** The object's cadastral codes with their validity periods, newest first, and the change form. */
export function CadastralSection({ object }: { object: PropertyObjectDetail }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [changing, setChanging] = useState(false)
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="flex-end">
          <Button onClick={() => setChanging(true)}>{t('property.cadastral.change')}</Button>
        </Group>
        {object.cadastralCodes.length === 0 ? (
          <Text c="dimmed">{t('property.cadastral.empty')}</Text>
        ) : (
          <Table striped withTableBorder aria-label={t('property.detail.cadastral')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('property.field.code')}</Table.Th>
                <Table.Th>{t('property.field.validFrom')}</Table.Th>
                <Table.Th>{t('property.field.validTo')}</Table.Th>
                <Table.Th>{t('property.field.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {object.cadastralCodes.map((code) => (
                <Table.Tr key={code.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {code.code}
                      </Text>
                      {code.validTo === null ? (
                        <Badge color="green" variant="light" size="sm">
                          {t('property.cadastral.current')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.date(code.validFrom)}</Table.Td>
                  <Table.Td>{format.date(code.validTo)}</Table.Td>
                  <Table.Td>
                    {code.reason === REGISTRATION
                      ? t('property.cadastral.registration')
                      : format.text(code.reason)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <CadastralCodeForm objectId={object.id} opened={changing} onClose={() => setChanging(false)} />
    </Paper>
  )
}
