import { Alert, Button, Divider, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BankFileFormat } from '../../../../domain/sanitation/bankFileFormat'
import type { BankFileInput, BankImportReportView } from '../../../../domain/sanitation/views'
import { readFileAsBase64 } from '../../property/documents/documentFiles'
import { FilePicker } from '../../property/documents/FilePicker'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useFormat } from '../../ui/useFormat'
import { BankFormatMapping } from './BankFormatMapping'
import { BankQueueSection } from './BankQueueSection'
import { BankReportTable } from './BankReportTable'
import { useBankFormats, useConfirmBankImport, useDryRunBankImport } from './bankQueries'

/** Field messages of a format draft, by path ("columns.amount"). */
function draftErrors(draft: BankFileFormat | null): Record<string, string> {
  if (!draft) return {}
  const parsed = BankFileFormat.safeParse(draft)
  if (parsed.success) return {}
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
}

/**
 * A bank statement import (a clerk): the file and its format (the mapping shown and editable for
 * this file), a dry run row by row, the confirmation; below, the queue of rows left to resolve.
 */
export default function BankImportScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const formats = useBankFormats()
  const [file, setFile] = useState<File | null>(null)
  const [formatCode, setFormatCode] = useState<string | null>(null)
  const [draft, setDraft] = useState<BankFileFormat | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState<BankImportReportView | null>(null)
  const dryRun = useDryRunBankImport()
  const confirm = useConfirmBankImport()

  const base = formats.data?.find((f) => f.code === formatCode) ?? null
  useEffect(() => {
    if (formatCode === null && formats.data?.[0]) setFormatCode(formats.data[0].code)
  }, [formatCode, formats.data])
  useEffect(() => setDraft(base), [base])
  const errors = draftErrors(draft)
  const edited = draft !== null && base !== null && JSON.stringify(draft) !== JSON.stringify(base)

  const input = async (): Promise<BankFileInput | null> => {
    if (!file || !base || !draft) return null
    const contentBase64 = await readFileAsBase64(file)
    return edited
      ? { fileName: file.name, contentBase64, formatCode: null, format: draft }
      : { fileName: file.name, contentBase64, formatCode: base.code, format: null }
  }
  const check = async () => {
    setDone(null)
    confirm.reset()
    const request = await input()
    if (request) dryRun.mutate(request)
  }
  const write = async () => {
    const request = await input()
    if (!request) return
    confirm.mutate(request, {
      onSuccess: (report) => {
        setConfirming(false)
        setDone(report)
        dryRun.reset()
      },
      onError: () => setConfirming(false),
    })
  }
  const report = dryRun.data ?? null

  return (
    <Stack gap="lg" maw={1400}>
      <Title order={1} size="h2">
        {t('sanitation.bankScreen.title')}
      </Title>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('sanitation.bankScreen.intro')}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} component="label" htmlFor="bank-file">
              {t('sanitation.bankScreen.file')}
            </Text>
            <FilePicker
              id="bank-file"
              fileName={file?.name ?? ''}
              onChoose={(f) => {
                setFile(f ?? null)
                dryRun.reset()
                setDone(null)
              }}
            />
          </Stack>
          <Select
            label={t('sanitation.bankScreen.format')}
            data={(formats.data ?? []).map((f) => ({
              value: f.code,
              label: format.language === 'ka' ? f.nameKa : f.nameEn,
            }))}
            value={formatCode}
            onChange={(v) => {
              setFormatCode(v)
              dryRun.reset()
            }}
            allowDeselect={false}
            w={420}
          />
          {formats.isError ? <CallErrorAlert error={formats.error} /> : null}
          {draft ? <BankFormatMapping format={draft} onChange={setDraft} errors={errors} /> : null}
          {edited ? (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('sanitation.bankScreen.mappingEdited')}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setDraft(base)}>
                {t('sanitation.bankScreen.resetMapping')}
              </Button>
            </Group>
          ) : null}
          <Group>
            <Button
              onClick={() => void check()}
              disabled={!file || !draft || Object.keys(errors).length > 0}
              loading={dryRun.isPending}
            >
              {t('sanitation.bankScreen.dryRun')}
            </Button>
          </Group>
          {dryRun.isError ? <CallErrorAlert error={dryRun.error} /> : null}
          {report ? (
            <>
              <Divider />
              <Title order={2} size="h4">
                {t('sanitation.bankScreen.report', { file: file?.name ?? '' })}
              </Title>
              {report.alreadyImported ? (
                <Alert color="orange" role="alert">
                  {t('sanitation.bankScreen.alreadyImported')}
                </Alert>
              ) : null}
              <BankReportTable report={report} />
              {!report.alreadyImported ? (
                <Group>
                  <Button onClick={() => setConfirming(true)}>{t('sanitation.bankScreen.confirm')}</Button>
                </Group>
              ) : null}
            </>
          ) : null}
          {confirm.isError ? <CallErrorAlert error={confirm.error} /> : null}
          {done ? (
            <Alert color="green" role="status">
              {t('sanitation.bankScreen.done', {
                matched: format.number(done.counts.matched ?? 0),
                total: format.money(done.matchedTetri),
              })}
            </Alert>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <BankQueueSection />
      </Paper>
      <ConfirmDialog
        opened={confirming && report !== null}
        title={t('sanitation.bankScreen.confirmTitle')}
        message={
          report
            ? t('sanitation.bankScreen.confirmText', {
                matched: format.number(report.counts.matched ?? 0),
                total: format.money(report.matchedTetri),
              })
            : ''
        }
        confirmLabel={t('sanitation.bankScreen.confirm')}
        busy={confirm.isPending}
        onConfirm={() => void write()}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  )
}
