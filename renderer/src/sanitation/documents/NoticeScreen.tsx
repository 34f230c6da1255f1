import './print.css'
import { Center, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../../app/router'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { usePaymentNotice } from '../sanitationQueries'
import { DocumentToolbar } from './DocumentToolbar'
import { NoticeDocument } from './NoticeDocument'

/** A payer's payment notice for a period, ready to print. */
export default function NoticeScreen({ payerId, period }: { payerId: string; period: string }) {
  const { t } = useTranslation()
  const { navigate } = useRouter()
  const notice = usePaymentNotice(payerId, period)
  const back = () => navigate({ name: 'sanitationPayer', id: payerId })
  if (notice.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (notice.isError) return <ErrorAlert error={notice.error} onReload={() => void notice.refetch()} />
  return (
    <Stack gap={0}>
      <DocumentToolbar
        backLabel={t('sanitation.documents.back')}
        onBack={back}
        fileName={`შეტყობინება ${notice.data.payer.paymentCode} ${period}`}
      />
      <NoticeDocument notice={notice.data} />
    </Stack>
  )
}
