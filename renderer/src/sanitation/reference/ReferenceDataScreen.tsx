import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { roleAllows } from '../../../../domain/auth/roles'
import type { ColumnRef } from '../../../../domain/sanitation/bankFileFormat'
import type {
  ActivityCategoryItem,
  BankFormatItem,
  ReferenceKind,
  SocialBandItem,
} from '../../../../domain/sanitation/referenceContract'
import { useRouter } from '../../app/router'
import { useSession } from '../../app/session'
import { asLanguage } from '../../i18n/language'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { useFormat } from '../../ui/useFormat'
import { BandForm } from './BandForm'
import { BankFormatForm } from './BankFormatForm'
import { CategoryForm } from './CategoryForm'
import { useReferenceData, useRetireItem } from './referenceQueries'

interface Item {
  id: string
  version: number
  code: string
  nameKa: string
  nameEn: string
  retiredOn: string | null
}

/**
 * The sanitation registry's reference data: organisations' activity categories, social bands and
 * the bank statement formats. A head of the department edits them; everyone else sees them.
 */
export default function ReferenceDataScreen() {
  const { t } = useTranslation()
  const session = useSession().data
  const canEdit = session?.departments.includes('sanitation') && roleAllows(session.role, 'approve')
  const data = useReferenceData()
  const retire = useRetireItem()
  const { replace } = useRouter()
  const [category, setCategory] = useState<ActivityCategoryItem | undefined | null>(null)
  const [band, setBand] = useState<SocialBandItem | undefined | null>(null)
  const [format, setFormat] = useState<BankFormatItem | undefined | null>(null)
  const saved = (close: () => void) => () => {
    close()
    replace({ name: 'sanitationReference' })
  }
  const toggle = (kind: ReferenceKind, item: Item) =>
    retire.mutate({ kind, id: item.id, version: item.version, retired: item.retiredOn === null })

  return (
    <Stack gap="lg" maw={1300}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('sanitation.referenceData.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sanitation.referenceData.intro')}
        </Text>
      </Stack>
      <FlashMessage />
      {retire.isError ? <ErrorAlert error={retire.error} onReload={() => void data.refetch()} /> : null}
      {data.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : data.isError ? (
        <ErrorAlert error={data.error} onReload={() => void data.refetch()} />
      ) : (
        <>
          {canEdit ? null : (
            <Alert color="gray" variant="light">
              <Text size="sm">{t('sanitation.referenceData.readOnly')}</Text>
            </Alert>
          )}
          <Section<ActivityCategoryItem>
            title={t('sanitation.referenceData.categories')}
            add={
              canEdit
                ? { label: t('sanitation.referenceData.addCategory'), onClick: () => setCategory(undefined) }
                : null
            }
            head={[t('sanitation.referenceData.unit')]}
            items={data.data.categories}
            cells={(c) => [t(`sanitation.referenceData.units.${c.unit}`)]}
            actions={canEdit ? { onEdit: setCategory, onToggle: (c) => toggle('activityCategory', c) } : null}
          />
          <Section<SocialBandItem>
            title={t('sanitation.referenceData.bands')}
            add={
              canEdit
                ? { label: t('sanitation.referenceData.addBand'), onClick: () => setBand(undefined) }
                : null
            }
            head={[t('sanitation.referenceData.scores')]}
            items={data.data.bands}
            cells={(b) => [<ScoreRange key="range" band={b} />]}
            actions={canEdit ? { onEdit: setBand, onToggle: (b) => toggle('socialBand', b) } : null}
          />
          <Section<BankFormatItem>
            title={t('sanitation.referenceData.formats')}
            add={
              canEdit
                ? { label: t('sanitation.referenceData.addFormat'), onClick: () => setFormat(undefined) }
                : null
            }
            head={[t('sanitation.referenceData.layout'), t('sanitation.referenceData.mapping')]}
            items={data.data.bankFormats}
            cells={(f) => [
              <LayoutSummary key="layout" format={f} />,
              <MappingSummary key="mapping" format={f} />,
            ]}
            actions={canEdit ? { onEdit: setFormat, onToggle: (f) => toggle('bankFormat', f) } : null}
          />
        </>
      )}
      <CategoryForm category={category} onClose={saved(() => setCategory(null))} />
      <BandForm band={band} onClose={saved(() => setBand(null))} />
      <BankFormatForm format={format} onClose={saved(() => setFormat(null))} />
    </Stack>
  )
}

/** A status is short: the table gives it its whole width instead of cutting it with an ellipsis. */
const wholeLabel = { label: { overflow: 'visible' } } as const

interface SectionProps<T extends Item> {
  title: string
  add: { label: string; onClick(): void } | null
  head: string[]
  items: readonly T[]
  cells(item: T): ReactNode[]
  actions: { onEdit(item: T): void; onToggle(item: T): void } | null
}

function Section<T extends Item>({ title, add, head, items, cells, actions }: SectionProps<T>) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const english = asLanguage(i18n.language) === 'en'
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {add ? (
            <Button size="sm" onClick={add.onClick}>
              {add.label}
            </Button>
          ) : null}
        </Group>
        <Table aria-label={title} verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sanitation.referenceData.code')}</Table.Th>
              <Table.Th>{t('sanitation.referenceData.name')}</Table.Th>
              {head.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
              <Table.Th>{t('sanitation.referenceData.status')}</Table.Th>
              {actions ? <Table.Th>{t('sanitation.referenceData.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const name = english ? item.nameEn : item.nameKa
              return (
                <Table.Tr key={item.id} c={item.retiredOn ? 'dimmed' : undefined}>
                  <Table.Td ff="monospace">{item.code}</Table.Td>
                  <Table.Td>{name}</Table.Td>
                  {cells(item).map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the cells follow the header's order
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {item.retiredOn ? (
                      <Stack gap={2} align="flex-start">
                        <Badge color="gray" variant="light" styles={wholeLabel}>
                          {t('sanitation.referenceData.retired')}
                        </Badge>
                        <Text size="xs">{format.date(item.retiredOn)}</Text>
                      </Stack>
                    ) : (
                      <Badge color="green" variant="light" styles={wholeLabel}>
                        {t('sanitation.referenceData.inUse')}
                      </Badge>
                    )}
                  </Table.Td>
                  {actions ? (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`${t('app.edit')}: ${name}`}
                          onClick={() => actions.onEdit(item)}
                        >
                          {t('app.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={item.retiredOn ? 'blue' : 'gray'}
                          aria-label={`${t(item.retiredOn ? 'sanitation.referenceData.restore' : 'sanitation.referenceData.retire')}: ${name}`}
                          onClick={() => actions.onToggle(item)}
                        >
                          {t(
                            item.retiredOn
                              ? 'sanitation.referenceData.restore'
                              : 'sanitation.referenceData.retire',
                          )}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}

function ScoreRange({ band }: { band: SocialBandItem }) {
  const format = useFormat()
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {format.number(band.minScore)} – {format.number(band.maxScore)}
    </Text>
  )
}

const delimiterKey = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const

function LayoutSummary({ format }: { format: BankFormatItem }) {
  const { t } = useTranslation()
  return (
    <Stack gap={0}>
      <Text size="xs">{t(`sanitation.referenceData.delimiters.${delimiterKey[format.delimiter]}`)}</Text>
      <Text size="xs">
        {format.hasHeader ? t('sanitation.referenceData.withHeader') : t('sanitation.referenceData.noHeader')}
        {format.skipLines > 0
          ? `, ${t('sanitation.referenceData.skipsLines', { count: format.skipLines })}`
          : ''}
      </Text>
      <Text size="xs">
        {format.dateFormat}, {t(`sanitation.referenceData.amountUnits.${format.amountUnit}`)}
      </Text>
    </Stack>
  )
}

function MappingSummary({ format }: { format: BankFormatItem }) {
  const { t } = useTranslation()
  const ref = (value: ColumnRef | null) =>
    value === null
      ? '—'
      : typeof value === 'number'
        ? t('sanitation.referenceData.columnAt', { position: value })
        : `„${value}“`
  return (
    <Stack gap={0}>
      {(Object.entries(format.columns) as [string, ColumnRef | null][]).map(([name, value]) => (
        <Text size="xs" key={name}>
          {t(`sanitation.referenceData.columns.${name}`)}: {ref(value)}
        </Text>
      ))}
    </Stack>
  )
}
