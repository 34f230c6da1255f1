import { Alert, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BankFileFormat } from '../../../../domain/sanitation/bankFileFormat'
import type { BankFormatPreviewView } from '../../../../domain/sanitation/referenceContract'
import { readFileAsBase64 } from '../../property/documents/documentFiles'
import { FilePicker } from '../../property/documents/FilePicker'
import { CallErrorAlert } from '../../ui/CallErrorAlert'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { type SampleFile, useBankFormatPreview } from './referenceQueries'

interface Props {
  /** The mapping as the form holds it now; null while the form does not make a whole format. */
  format: BankFileFormat | null
}

/** A sample statement the head chooses, read with the mapping being edited: its first rows and their problems. */
export function BankFormatPreviewPanel({ format }: Props) {
  const { t } = useTranslation()
  const [sample, setSample] = useState<SampleFile | null>(null)
  const [reading, setReading] = useState<unknown>(null)
  const preview = useBankFormatPreview(sample, format)
  const choose = async (file: File | undefined) => {
    setReading(null)
    if (!file) return setSample(null)
    try {
      const contentBase64 = await readFileAsBase64(file)
      setSample({ fileName: file.name, key: `${file.name}/${file.size}/${file.lastModified}`, contentBase64 })
    } catch (error) {
      setReading(error)
    }
  }
  return (
    <Stack gap="sm" aria-label={t('sanitation.referenceData.preview.title')} role="region">
      <Title order={3} size="h5">
        {t('sanitation.referenceData.preview.title')}
      </Title>
      <div>
        <Text size="sm" fw={500} component="label" htmlFor="bank-format-sample">
          {t('sanitation.referenceData.preview.sample')}
        </Text>
        <FilePicker
          id="bank-format-sample"
          fileName={sample?.fileName ?? ''}
          onChoose={(f) => void choose(f)}
        />
      </div>
      {reading ? <ErrorAlert error={reading} /> : null}
      {sample === null ? (
        <Text size="sm" c="dimmed">
          {t('sanitation.referenceData.preview.chooseSample')}
        </Text>
      ) : format === null ? (
        <Text size="sm" c="dimmed">
          {t('sanitation.referenceData.preview.incomplete')}
        </Text>
      ) : preview.isError ? (
        <CallErrorAlert error={preview.error} />
      ) : preview.data ? (
        <PreviewTables preview={preview.data} updating={preview.isFetching} />
      ) : (
        <Loader size="sm" aria-label={t('app.loading')} />
      )}
    </Stack>
  )
}

function PreviewTables({ preview, updating }: { preview: BankFormatPreviewView; updating: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const problem = preview.fileProblem
  const width = Math.max(preview.header?.length ?? 0, ...preview.cells.map((r) => r.length))
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">{t('sanitation.referenceData.preview.rowCount', { count: preview.rowCount })}</Text>
        {updating ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
      </Group>
      {problem ? (
        <Alert color="red" role="alert">
          <Text size="sm">{t(`sanitation.bankImport.${problem.problem}`)}</Text>
          {problem.problem === 'missingColumn' ? (
            <Text size="sm" fw={600}>
              {problem.columns.join(', ')}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <Text size="sm" fw={600}>
        {t('sanitation.referenceData.preview.fileColumns')}
      </Text>
      <ScrollRegion label={t('sanitation.referenceData.preview.fileColumns')} maxHeight={260}>
        <Table
          aria-label={t('sanitation.referenceData.preview.fileColumns')}
          withTableBorder
          fz="xs"
          bg="white"
        >
          <Table.Thead>
            <Table.Tr>
              {Array.from({ length: width }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position
                <Table.Th key={i}>
                  {i + 1}
                  {preview.header?.[i] ? ` · ${preview.header[i]}` : ''}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.cells.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the file's rows in order
              <Table.Tr key={r}>
                {Array.from({ length: width }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position
                  <Table.Td key={i}>{row[i] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {preview.lines.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('sanitation.referenceData.preview.readRows')}
          </Text>
          <Table
            aria-label={t('sanitation.referenceData.preview.readRows')}
            withTableBorder
            fz="sm"
            bg="white"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sanitation.referenceData.preview.row')}</Table.Th>
                <Table.Th>{t('sanitation.referenceData.columns.payerCode')}</Table.Th>
                <Table.Th>{t('sanitation.referenceData.columns.amount')}</Table.Th>
                <Table.Th>{t('sanitation.referenceData.columns.date')}</Table.Th>
                <Table.Th>{t('sanitation.referenceData.columns.reference')}</Table.Th>
                <Table.Th>{t('sanitation.referenceData.columns.payerName')}</Table.Th>
                <Table.Th>{t('sanitation.referenceData.preview.problems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.lines.map((line) => (
                <Table.Tr key={line.rowNumber} bg={line.problems.length > 0 ? 'red.0' : undefined}>
                  <Table.Td>{line.rowNumber}</Table.Td>
                  <Table.Td>{format.text(line.payerCodeText)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.money(line.amountTetri)}</Table.Td>
                  <Table.Td>{format.date(line.paidOn)}</Table.Td>
                  <Table.Td>{format.text(line.reference)}</Table.Td>
                  <Table.Td>{format.text(line.payerName)}</Table.Td>
                  <Table.Td>
                    {line.problems.length === 0 ? (
                      <Text size="sm" c="green.8">
                        {t('sanitation.referenceData.preview.ok')}
                      </Text>
                    ) : (
                      // Sentences, some long: they wrap in the cell instead of being cut short.
                      line.problems.map((p) => (
                        <Text key={p} size="sm" c="red.8">
                          {t(`sanitation.bankProblem.${p}`)}
                        </Text>
                      ))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  )
}
