import { Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { BillingPreviewView } from '../../../../domain/sanitation/views'
import { Figure } from '../../ui/Figure'
import { useFormat } from '../../ui/useFormat'
import { periodLabel } from '../periodLabel'

type Preview = z.infer<typeof BillingPreviewView>

/** What a run would write, and how the period compares with the month before. Nothing is written. */
export function BillingPreviewPanel({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  const format = useFormat()
  const difference = preview.totalTetri - preview.previous.totalTetri
  const skipped = Object.entries(preview.skipped).filter(([, n]) => n > 0)
  return (
    <Stack gap="md" component="section" aria-labelledby="billing-preview-title">
      <Title order={2} size="h4" id="billing-preview-title">
        {t('sanitation.billing.previewTitle', { period: periodLabel(preview.period, format.language) })}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('sanitation.billing.payerCount')} value={format.number(preview.payerCount)} />
        <Figure label={t('sanitation.billing.newLines')} value={format.number(preview.newLines)} />
        <Figure label={t('sanitation.billing.newTotal')} value={format.money(preview.newTetri)} />
        <Figure label={t('sanitation.billing.periodTotal')} value={format.money(preview.totalTetri)} />
        <Figure
          label={t('sanitation.billing.previousTotal', {
            period: periodLabel(preview.previous.period, format.language),
          })}
          value={format.money(preview.previous.totalTetri)}
        />
        <Figure
          label={t('sanitation.billing.difference')}
          value={`${difference > 0 ? '+' : ''}${format.money(difference)}`}
        />
        <Figure label={t('sanitation.billing.newlyCharged')} value={format.number(preview.newlyCharged)} />
        <Figure
          label={t('sanitation.billing.noLongerCharged')}
          value={format.number(preview.noLongerCharged)}
        />
        <Figure label={t('sanitation.billing.changedAmount')} value={format.number(preview.changedAmount)} />
      </SimpleGrid>
      {skipped.length > 0 ? (
        <Group align="flex-start">
          <Table withTableBorder w="auto" miw={420} aria-label={t('sanitation.billing.skippedTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.billing.skippedTitle')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.billing.payerCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skipped.map(([reason, n]) => (
                <Table.Tr key={reason}>
                  <Table.Td>{t(`sanitation.billing.skip.${reason}`)}</Table.Td>
                  <Table.Td ta="right">{format.number(n)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
      ) : null}
      {preview.newLines === 0 ? <Text c="dimmed">{t('sanitation.billing.nothingToDo')}</Text> : null}
    </Stack>
  )
}
