import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RejectedChange } from '../../../../domain/sync/contract'
import { useRouter } from '../../app/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FieldList } from '../../ui/FieldList'
import { useFormat } from '../../ui/useFormat'
import { useDiscardRejected } from '../syncMutations'
import type { RecordWording } from '../useRecordWording'
import { ResendForm } from './ResendForm'
import { reasonHintKey, reasonKey } from './reasonKey'

/** One change the server refused: what was saved, why it was refused, and the two ways out. */
export function RejectedChangeCard({ change, wording }: { change: RejectedChange; wording: RecordWording }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { replace } = useRouter()
  const titleId = useId()
  const [fixing, setFixing] = useState(false)
  const [discarding, setDiscarding] = useState(false)
  const discard = useDiscardRejected()
  const fields = Object.entries(change.fields)
  const closeDiscard = () => {
    discard.reset()
    setDiscarding(false)
  }
  return (
    <Paper component="article" withBorder p="md" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={titleId}>
              {`${wording.entity(change.entity)}: ${t(`history.op.${change.op}`)}`}
            </Title>
            <Text size="xs" c="dimmed">
              {`${t('sync.rejected.recordId')}: `}
              <Text span size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {change.rowId}
              </Text>
            </Text>
          </Stack>
          <Badge color="red" variant="light" size="lg" style={{ flex: 'none' }}>
            {t(reasonKey(change.reason))}
          </Badge>
        </Group>
        <Text size="sm">{t(reasonHintKey(change.reason))}</Text>
        <FieldList
          items={[
            { label: t('sync.rejected.savedBy'), value: change.userName },
            { label: t('sync.rejected.savedAt'), value: format.dateTime(change.savedAt) },
            { label: t('sync.rejected.rejectedAt'), value: format.dateTime(change.rejectedAt) },
            { label: t('sync.rejected.serverMessage'), value: format.text(change.message), wide: true },
          ]}
        />
        <Text size="sm" fw={600}>
          {t('sync.rejected.values')}
        </Text>
        {fields.length > 0 ? (
          <FieldList
            items={fields.map(([field, value]) => ({
              label: wording.field(field),
              value: wording.value(field, value),
            }))}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('sync.rejected.noValues')}
          </Text>
        )}
        <Group>
          <Button onClick={() => setFixing(true)}>{t('sync.rejected.fix')}</Button>
          <Button color="red" variant="outline" onClick={() => setDiscarding(true)}>
            {t('sync.rejected.discard')}
          </Button>
        </Group>
      </Stack>
      <ResendForm
        change={change}
        opened={fixing}
        onClose={() => setFixing(false)}
        onResent={() => {
          setFixing(false)
          replace({ name: 'needsAttention' }, 'sync.rejected.resent')
        }}
      />
      <ConfirmDialog
        opened={discarding}
        title={t('sync.rejected.discard')}
        message={t('sync.rejected.discardQuestion')}
        confirmLabel={t('sync.rejected.discard')}
        busy={discard.isPending}
        onCancel={closeDiscard}
        onConfirm={() =>
          discard.mutate(
            { id: change.id },
            {
              onSuccess: () => {
                setDiscarding(false)
                replace({ name: 'needsAttention' }, 'sync.rejected.discarded')
              },
            },
          )
        }
      >
        {discard.isError ? <ErrorAlert error={discard.error} /> : null}
      </ConfirmDialog>
    </Paper>
  )
}
