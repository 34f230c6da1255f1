import { Anchor, Badge, Button, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../domain/auth/roles'
import { roleAllows } from '../../../../domain/auth/roles'
import { useRouter } from '../../app/router'
import type { PayerTab } from '../../app/routes'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { Icon } from '../../ui/Icon'
import { useFormat } from '../../ui/useFormat'
import { EditPayerDialog } from '../forms/PayerDialogs'
import { usePayerAccount } from '../sanitationQueries'
import { AccountTab } from './AccountTab'
import { ChargesTab } from './ChargesTab'
import { CounterPaymentForm } from './CounterPaymentForm'
import { PayerHistoryTab } from './PayerHistoryTab'
import { PayerOverview } from './PayerOverview'
import { PaymentsTab } from './PaymentsTab'
import { ReliefTab } from './ReliefTab'

const tabs: readonly PayerTab[] = ['account', 'overview', 'charges', 'payments', 'relief', 'history']
const isTab = (value: string | null): value is PayerTab => tabs.includes(value as PayerTab)

/** A payer's card: the account first, then the record, its lines, payments, relief and history. */
export default function PayerCardScreen({ id, tab }: { id: string; tab: PayerTab }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { navigate, replace } = useRouter()
  const role = useSession().data?.role as Role | undefined
  const account = usePayerAccount(id)
  const [paying, setPaying] = useState(false)
  const [editing, setEditing] = useState(false)
  const backToList = (
    <Anchor
      component="button"
      type="button"
      size="sm"
      style={{ alignSelf: 'flex-start' }}
      onClick={() => navigate({ name: 'sanitationPayers' })}
    >
      <Icon name="arrowLeft" /> {t('sanitation.payers.backToList')}
    </Anchor>
  )
  if (account.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (account.isError) {
    return (
      <Stack>
        {backToList}
        <ErrorAlert error={account.error} onReload={() => void account.refetch()} />
      </Stack>
    )
  }
  const a = account.data
  const { payer } = a
  const lastPeriod = a.periods.at(-1)?.period
  const writes = role !== undefined && roleAllows(role, 'write')
  const tabLabel = (name: PayerTab) => {
    const count = { charges: a.charges.length, payments: a.payments.length }
    const n = name in count ? count[name as keyof typeof count] : undefined
    return n ? `${t(`sanitation.card.${name}`)} (${n})` : t(`sanitation.card.${name}`)
  }
  return (
    <Stack gap="md">
      {backToList}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {payer.name}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {payer.paymentCode} · {t(`sanitation.kind.${payer.kind}`)} · {t('sanitation.card.balance')}:{' '}
              {format.money(a.balanceTetri)}
            </Text>
            <Badge variant="light">{t(`sanitation.status.${payer.status}`)}</Badge>
            {a.arrearsTetri > 0 ? (
              <Badge variant="light" color="red">
                {t('sanitation.card.arrears')}: {format.money(a.arrearsTetri)}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group>
          {lastPeriod ? (
            <Button
              variant="default"
              onClick={() => navigate({ name: 'sanitationNotice', payerId: id, period: lastPeriod })}
            >
              {t('sanitation.card.noticeFor')} ({lastPeriod})
            </Button>
          ) : null}
          {writes ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('app.edit')}
            </Button>
          ) : null}
          {writes ? <Button onClick={() => setPaying(true)}>{t('sanitation.counter.record')}</Button> : null}
        </Group>
      </Group>
      <FlashMessage />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) replace({ name: 'sanitationPayer', id, tab: value })
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('sanitation.payers.tabs')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {tabLabel(name)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="account" pt="md">
          <AccountTab account={a} />
        </Tabs.Panel>
        <Tabs.Panel value="overview" pt="md">
          <PayerOverview payer={payer} />
        </Tabs.Panel>
        <Tabs.Panel value="charges" pt="md">
          <ChargesTab charges={a.charges} />
        </Tabs.Panel>
        <Tabs.Panel value="payments" pt="md">
          <PaymentsTab payments={a.payments} />
        </Tabs.Panel>
        <Tabs.Panel value="relief" pt="md">
          <ReliefTab account={a} writes={writes} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <PayerHistoryTab history={a.history} />
        </Tabs.Panel>
      </Tabs>
      <EditPayerDialog opened={editing} onClose={() => setEditing(false)} payer={payer} />
      <CounterPaymentForm
        payerId={id}
        opened={paying}
        onClose={() => setPaying(false)}
        onSaved={(payment) => {
          setPaying(false)
          navigate({ name: 'sanitationReceipt', paymentId: payment.id }, 'sanitation.counter.saved')
        }}
      />
    </Stack>
  )
}
