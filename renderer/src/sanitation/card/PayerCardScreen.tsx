import { Badge, Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../domain/auth/roles'
import { roleAllows } from '../../../../domain/auth/roles'
import { useRouter } from '../../app/router'
import type { PayerTab } from '../../app/routes'
import { useSession } from '../../app/session'
import { BackLink } from '../../ui/BackLink'
import { RecordCard } from '../../ui/RecordCard'
import { RecordQueryState } from '../../ui/RecordQueryState'
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
    <BackLink
      label={t('sanitation.payers.backToList')}
      onClick={() => navigate({ name: 'sanitationPayers' })}
    />
  )
  if (!account.isSuccess) return <RecordQueryState query={account} back={backToList} />

  const a = account.data
  const { payer } = a
  const lastPeriod = a.periods.at(-1)?.period
  const writes = role !== undefined && roleAllows(role, 'write')
  const label = (name: PayerTab) => t(`sanitation.card.${name}`)
  return (
    <RecordCard
      back={backToList}
      title={payer.name}
      summary={
        <>
          {payer.paymentCode} · {t(`sanitation.kind.${payer.kind}`)} · {t('sanitation.card.balance')}:{' '}
          {format.money(a.balanceTetri)}
        </>
      }
      badges={
        <>
          <Badge variant="light">{t(`sanitation.status.${payer.status}`)}</Badge>
          {a.arrearsTetri > 0 ? (
            <Badge variant="light" color="red">
              {t('sanitation.card.arrears')}: {format.money(a.arrearsTetri)}
            </Badge>
          ) : null}
        </>
      }
      actions={
        <>
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
        </>
      }
      tabsLabel={t('sanitation.payers.tabs')}
      tab={tab}
      onTab={(next) => replace({ name: 'sanitationPayer', id, tab: next })}
      tabs={[
        { name: 'account', label: label('account'), panel: <AccountTab account={a} /> },
        { name: 'overview', label: label('overview'), panel: <PayerOverview payer={payer} /> },
        {
          name: 'charges',
          label: label('charges'),
          count: a.charges.length,
          panel: <ChargesTab charges={a.charges} />,
        },
        {
          name: 'payments',
          label: label('payments'),
          count: a.payments.length,
          panel: <PaymentsTab payments={a.payments} />,
        },
        { name: 'relief', label: label('relief'), panel: <ReliefTab account={a} writes={writes} /> },
        { name: 'history', label: label('history'), panel: <PayerHistoryTab history={a.history} /> },
      ]}
    >
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
    </RecordCard>
  )
}
