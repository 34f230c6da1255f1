import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inDepartment, isAllowed } from '../../../../domain/auth/access'
import { citeLegalAct } from '../../../../domain/georgian/legalAct'
import { useSession } from '../../app/session'
import { asLanguage } from '../../i18n/language'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { AmnestyDialog } from '../forms/AmnestyForm'
import { ExemptionDialog } from '../forms/ExemptionForm'
import {
  useAmnesties,
  useCompleteLines,
  useGeneralExemptions,
  useLineWritingProgress,
  useSanitationReference,
  useTariffVersions,
} from '../forms/editQueries'
import { LineWritingPanel } from '../forms/LineWritingPanel'
import { TariffVersionDialog } from './TariffVersionForm'

type Dialog = 'version' | 'exemption' | 'amnesty' | null
type LineRecord = 'amnesty' | 'tariffVersion'

/**
 * The registry's reference data under its legal acts: tariff versions (newest first), exemptions
 * by category or band, and period amnesties. A head adopts versions and amnesties; a clerk records
 * exemptions. A version's corrections and an amnesty's lines are written in batches: the section
 * shows their progress, and a record left incomplete (stopped, or the app closed) can be completed.
 */
export default function TariffsScreen() {
  const { t, i18n } = useTranslation()
  const language = asLanguage(i18n.language)
  const format = useFormat()
  const session = useSession()
  const versions = useTariffVersions()
  const exemptions = useGeneralExemptions()
  const amnesties = useAmnesties()
  const reference = useSanitationReference()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [writing, setWriting] = useState<{ record: LineRecord; id: string } | null>(null)
  const completeAmnesty = useCompleteLines('amnesty')
  const completeCorrections = useCompleteLines('tariffVersion')
  // The same query as the panel's: a record whose lines are being written now offers no Complete.
  const writingNow = useLineWritingProgress(writing?.id ?? null).data?.state === 'running'
  const complete = (record: LineRecord, id: string) =>
    (record === 'amnesty' ? completeAmnesty : completeCorrections).mutate(id, {
      onSuccess: () => setWriting({ record, id }),
    })
  /** A record's lines: how many, or that they are incomplete, with the head's way to complete them. */
  const linesCell = (record: LineRecord, id: string, done: boolean, lines: number, what: string) =>
    done ? (
      format.number(lines)
    ) : (
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        <Badge color="orange" variant="light">
          {t('sanitation.lineWriting.incomplete', { lines: format.number(lines) })}
        </Badge>
        {may('approve') && !(writingNow && writing?.id === id) ? (
          <Button
            size="compact-xs"
            variant="light"
            aria-label={t('sanitation.lineWriting.completeNamed', { what })}
            loading={(record === 'amnesty' ? completeAmnesty : completeCorrections).isPending}
            onClick={() => complete(record, id)}
          >
            {t('sanitation.lineWriting.complete')}
          </Button>
        ) : null}
      </Group>
    )
  const panel = (record: LineRecord) => {
    const failed = (record === 'amnesty' ? completeAmnesty : completeCorrections).error
    return (
      <>
        {failed ? <CallErrorAlert error={failed} /> : null}
        {writing?.record === record ? (
          <LineWritingPanel
            key={writing.id}
            recordId={writing.id}
            title={t(
              record === 'amnesty' ? 'sanitation.lineWriting.amnesty' : 'sanitation.lineWriting.corrections',
            )}
          />
        ) : null}
      </>
    )
  }
  const principal = session.data
    ? { ...session.data, userId: session.data.id, userName: session.data.fullName }
    : null
  const may = (action: 'write' | 'approve') => isAllowed(inDepartment('sanitation', action), principal)
  const cite = (act: {
    legalActNumber: string
    legalActDate: string
    legalActKind: 'resolution' | 'decree' | 'order'
  }) => citeLegalAct({ number: act.legalActNumber, date: act.legalActDate, kind: act.legalActKind }, language)
  const targetName = (target: string, code: string | null) => {
    if (code === null) return t(`sanitation.exemptionForm.targets.${target}`)
    const named =
      reference.data?.activityCategories.find((c) => c.code === code) ??
      reference.data?.socialBands.find((b) => b.code === code)
    return named ? (language === 'ka' ? named.nameKa : named.nameEn) : code
  }

  if (versions.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (versions.isError) return <ErrorAlert error={versions.error} onReload={() => void versions.refetch()} />

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('sanitation.tariffs.title')}
      </Title>

      <Paper withBorder p="md" component="section" aria-labelledby="tariff-versions">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="tariff-versions">
            {t('sanitation.tariffs.versions')}
          </Title>
          {may('approve') ? (
            <Button onClick={() => setDialog('version')}>{t('sanitation.tariffs.newVersion')}</Button>
          ) : null}
        </Group>
        {panel('tariffVersion')}
        <Table withTableBorder striped aria-label={t('sanitation.tariffs.versions')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sanitation.tariffs.resolution')}</Table.Th>
              <Table.Th>{t('sanitation.tariffs.effective')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.tariffs.householdRate')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.tariffs.memberCap')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.tariffs.rateCount')}</Table.Th>
              <Table.Th ta="right">{t('sanitation.lineWriting.correctionLines')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  {citeLegalAct(
                    { number: v.resolutionNumber, date: v.resolutionDate, kind: 'resolution' },
                    language,
                  )}
                  {v.amendsVersionId ? (
                    <Text size="xs" c="dimmed">
                      {t('sanitation.tariffs.amendment')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {format.date(v.effectiveFrom)} –{' '}
                  {v.effectiveTo ? format.date(v.effectiveTo) : t('sanitation.tariffs.open')}
                </Table.Td>
                <Table.Td ta="right">{format.money(v.householdRateTetri)}</Table.Td>
                <Table.Td ta="right">{format.number(v.memberCap)}</Table.Td>
                <Table.Td ta="right">{format.number(v.bandRates.length + v.activityRates.length)}</Table.Td>
                <Table.Td ta="right">
                  {linesCell(
                    'tariffVersion',
                    v.id,
                    v.correctionsState === 'issued',
                    v.correctionCount,
                    `№${v.resolutionNumber}`,
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="general-exemptions">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="general-exemptions">
            {t('sanitation.tariffs.exemptions')}
          </Title>
          {may('write') ? (
            <Button variant="light" onClick={() => setDialog('exemption')}>
              {t('sanitation.exemptionForm.title')}
            </Button>
          ) : null}
        </Group>
        {exemptions.isError ? <ErrorAlert error={exemptions.error} /> : null}
        {exemptions.data && exemptions.data.length === 0 ? (
          <Text c="dimmed">{t('sanitation.tariffs.noExemptions')}</Text>
        ) : (
          <Table withTableBorder striped aria-label={t('sanitation.tariffs.exemptions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.exemptionForm.target')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.exemptionForm.reliefPercent')}</Table.Th>
                <Table.Th>{t('sanitation.tariffs.periods')}</Table.Th>
                <Table.Th>{t('sanitation.forms.legalAct')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(exemptions.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{targetName(e.target, e.targetCode)}</Table.Td>
                  <Table.Td ta="right">{e.reliefPercent}%</Table.Td>
                  <Table.Td>
                    {e.fromPeriod} – {e.toPeriod ?? t('sanitation.tariffs.open')}
                  </Table.Td>
                  <Table.Td>{cite(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="amnesties">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="amnesties">
            {t('sanitation.tariffs.amnesties')}
          </Title>
          {may('approve') ? (
            <Button variant="light" onClick={() => setDialog('amnesty')}>
              {t('sanitation.amnestyForm.title')}
            </Button>
          ) : null}
        </Group>
        {panel('amnesty')}
        {amnesties.isError ? <ErrorAlert error={amnesties.error} /> : null}
        {amnesties.data && amnesties.data.length === 0 ? (
          <Text c="dimmed">{t('sanitation.tariffs.noAmnesties')}</Text>
        ) : (
          <Table withTableBorder striped aria-label={t('sanitation.tariffs.amnesties')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.tariffs.periods')}</Table.Th>
                <Table.Th>{t('sanitation.amnestyForm.coverage')}</Table.Th>
                <Table.Th>{t('sanitation.forms.reason')}</Table.Th>
                <Table.Th>{t('sanitation.forms.legalAct')}</Table.Th>
                <Table.Th ta="right">{t('sanitation.lineWriting.amnestyLines')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(amnesties.data ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.fromPeriod} – {a.toPeriod}
                  </Table.Td>
                  <Table.Td>{t(`sanitation.amnestyForm.coverages.${a.coverage}`)}</Table.Td>
                  <Table.Td>{a.reason}</Table.Td>
                  <Table.Td>{cite(a)}</Table.Td>
                  <Table.Td ta="right">
                    {linesCell('amnesty', a.id, a.state === 'granted', a.lineCount, `№${a.legalActNumber}`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <TariffVersionDialog
        opened={dialog === 'version'}
        onClose={() => setDialog(null)}
        versions={versions.data}
        onAdopted={(id) => setWriting({ record: 'tariffVersion', id })}
      />
      <ExemptionDialog opened={dialog === 'exemption'} onClose={() => setDialog(null)} />
      <AmnestyDialog
        opened={dialog === 'amnesty'}
        onClose={() => setDialog(null)}
        onGranted={(id) => setWriting({ record: 'amnesty', id })}
      />
    </Stack>
  )
}
