import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../../domain/sync/contract'
import { useRouter } from '../../app/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFormat } from '../../ui/useFormat'
import { useResolveConflict } from '../syncMutations'
import type { RecordWording } from '../useRecordWording'
import { ConflictSideView } from './ConflictSideView'
import { MergeValueForm } from './MergeValueForm'

interface Props {
  conflict: Conflict
  wording: RecordWording
  /** Only a head decides; everybody else reads. */
  canResolve: boolean
}

/** Both values of one conflict side by side, and a head's three ways to settle it. */
export function ConflictCard({ conflict, wording, canResolve }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const { replace } = useRouter()
  const titleId = useId()
  const [asking, setAsking] = useState<'current' | 'other' | null>(null)
  const [merging, setMerging] = useState(false)
  const resolve = useResolveConflict()
  const field = conflict.field
  // Keeping the other value of a deletion conflict brings the deleted record back.
  const restores = conflict.kind === 'editAfterDelete' || conflict.kind === 'deleteAfterEdit'
  const shown = (value: Conflict['current']['value']) => wording.value(field ?? '', value)
  const resolved = () => replace({ name: 'conflicts' }, 'sync.conflicts.resolvedNotice')
  const closeAsk = () => {
    resolve.reset()
    setAsking(null)
  }
  return (
    <Paper component="article" withBorder p="md" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={titleId}>
              {`${wording.entity(conflict.entity)}: ${field ? wording.field(field) : t('sync.conflicts.wholeRecord')}`}
            </Title>
            <Text size="xs" c="dimmed">
              {`${t(`sync.scope.${conflict.scope}`)} · ${t('sync.rejected.recordId')}: `}
              <Text span size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {conflict.rowId}
              </Text>
            </Text>
          </Stack>
          <Badge
            color={conflict.status === 'open' ? 'orange' : 'gray'}
            variant="light"
            size="lg"
            style={{ flex: 'none' }}
          >
            {t(`sync.conflictKind.${conflict.kind}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`sync.conflictHint.${conflict.kind}`)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ConflictSideView
            heading={t('sync.conflicts.current')}
            side={conflict.current}
            shownValue={shown(conflict.current.value)}
            highlight
          />
          <ConflictSideView
            heading={t('sync.conflicts.other')}
            side={conflict.other}
            shownValue={shown(conflict.other.value)}
          />
        </SimpleGrid>
        {conflict.status === 'resolved' ? (
          <Text size="sm">
            {t('sync.conflicts.resolvedBy', {
              who: conflict.resolvedBy ?? '—',
              when: format.dateTime(conflict.resolvedAt),
            })}
          </Text>
        ) : canResolve ? (
          <Group>
            <Button variant="default" onClick={() => setAsking('current')}>
              {t('sync.conflicts.keepCurrent')}
            </Button>
            {/* A conflict about the whole record (a deletion, a number) can only be acknowledged. */}
            {field ? (
              <>
                <Button variant="default" onClick={() => setAsking('other')}>
                  {t('sync.conflicts.keepOther')}
                </Button>
                <Button variant="default" onClick={() => setMerging(true)}>
                  {t('sync.conflicts.merge')}
                </Button>
              </>
            ) : null}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sync.conflicts.headOnly')}
          </Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t('sync.conflicts.confirmTitle')}
        message={
          asking === 'other'
            ? t(restores ? 'sync.conflicts.confirmRestore' : 'sync.conflicts.confirmOther', {
                value: shown(conflict.other.value),
              })
            : t('sync.conflicts.confirmCurrent', { value: shown(conflict.current.value) })
        }
        confirmLabel={t('sync.conflicts.decide')}
        busy={resolve.isPending}
        onCancel={closeAsk}
        onConfirm={() =>
          asking &&
          resolve.mutate(
            { id: conflict.id, keep: asking },
            {
              onSuccess: () => {
                setAsking(null)
                resolved()
              },
            },
          )
        }
      >
        {resolve.isError ? <ErrorAlert error={resolve.error} /> : null}
      </ConfirmDialog>
      {field ? (
        <MergeValueForm
          conflict={{ ...conflict, field }}
          opened={merging}
          onClose={() => setMerging(false)}
          onResolved={() => {
            setMerging(false)
            resolved()
          }}
        />
      ) : null}
    </Paper>
  )
}
