import './print.css'
import { Center, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../../app/router'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useReceipt } from '../sanitationQueries'
import { DocumentToolbar } from './DocumentToolbar'
import { ReceiptDocument } from './ReceiptDocument'

/** A counter payment's receipt, ready to print. */
export default function ReceiptScreen({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation()
  const { navigate } = useRouter()
  const receipt = useReceipt(paymentId)
  if (receipt.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (receipt.isError) return <ErrorAlert error={receipt.error} onReload={() => void receipt.refetch()} />
  const r = receipt.data
  return (
    <Stack gap={0}>
      <DocumentToolbar
        backLabel={t('sanitation.documents.back')}
        onBack={() => navigate({ name: 'sanitationPayer', id: r.payer.id, tab: 'payments' })}
        fileName={`ქვითარი ${r.receiptNumber}`}
      />
      <ReceiptDocument receipt={r} />
    </Stack>
  )
}
