import { Center, Loader, Text } from '@mantine/core'
import { lazy, type ReactNode, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../domain/auth/roles'
import { PropertyListScreen } from '../property/list/PropertyListScreen'
import { useRouter } from './router'
import { adminHomeRoute, registryRouteNames } from './routes'

// The list is the first screen; the rest load when first opened, keeping the start-up bundle small.
const PropertyDetailScreen = lazy(() => import('../property/detail/PropertyDetailScreen'))
const PropertyCreateScreen = lazy(() => import('../property/form/PropertyCreateScreen'))
const PropertyEditScreen = lazy(() => import('../property/form/PropertyEditScreen'))
const PropertyReportsScreen = lazy(() => import('../reports/PropertyReportsScreen'))
// Sanitation: the clerk's screens and printed documents.
const PayerListScreen = lazy(() => import('../sanitation/payers/PayerListScreen'))
const PayerCardScreen = lazy(() => import('../sanitation/card/PayerCardScreen'))
const ReceiptScreen = lazy(() => import('../sanitation/documents/ReceiptScreen'))
const NoticeScreen = lazy(() => import('../sanitation/documents/NoticeScreen'))
const NoticeBatchScreen = lazy(() => import('../sanitation/documents/NoticeBatchScreen'))
const BillingRunScreen = lazy(() => import('../sanitation/billing/BillingRunScreen'))
const BankImportScreen = lazy(() => import('../sanitation/bankImport/BankImportScreen'))
const SanitationReportsScreen = lazy(() => import('../sanitation/reports/SanitationReportsScreen'))
const SanitationTariffsScreen = lazy(() => import('../sanitation/tariffs/TariffsScreen'))
const SanitationInspectionsScreen = lazy(() => import('../sanitation/inspections/InspectionsScreen'))
const SanitationReferenceScreen = lazy(() => import('../sanitation/reference/ReferenceDataScreen'))
const NeedsAttentionScreen = lazy(() => import('../sync/needsAttention/NeedsAttentionScreen'))
const ConflictsScreen = lazy(() => import('../sync/conflicts/ConflictsScreen'))
const AdminUsersScreen = lazy(() => import('../admin/users/AdminUsersScreen'))
const AdminDevicesScreen = lazy(() => import('../admin/devices/AdminDevicesScreen'))
const EnrolmentCodesScreen = lazy(() => import('../admin/codes/EnrolmentCodesScreen'))

/** The screen of the current route. */
export function Screens({ role }: { role: Role }) {
  const { t } = useTranslation()
  const { route, replace } = useRouter()
  // IT sees no citizen data: the registries' screens (the home screen among them) lead to the users.
  const adminAtRegistry = role === 'itAdmin' && registryRouteNames.has(route.name)
  useEffect(() => {
    if (adminAtRegistry) replace(adminHomeRoute)
  }, [adminAtRegistry, replace])
  const loading = (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  )
  if (adminAtRegistry) return loading
  const lazyScreen = (screen: ReactNode) => <Suspense fallback={loading}>{screen}</Suspense>
  switch (route.name) {
    case 'propertyList':
      return <PropertyListScreen />
    case 'propertyCreate':
      return lazyScreen(<PropertyCreateScreen />)
    case 'propertyDetail':
      return lazyScreen(<PropertyDetailScreen key={route.id} id={route.id} tab={route.tab ?? 'overview'} />)
    case 'propertyEdit':
      return lazyScreen(<PropertyEditScreen key={route.id} id={route.id} />)
    case 'propertyReports':
      return lazyScreen(<PropertyReportsScreen />)
    case 'sanitationPayers':
      return lazyScreen(<PayerListScreen />)
    case 'sanitationPayer':
      return lazyScreen(<PayerCardScreen key={route.id} id={route.id} tab={route.tab ?? 'account'} />)
    case 'sanitationReceipt':
      return lazyScreen(<ReceiptScreen key={route.paymentId} paymentId={route.paymentId} />)
    case 'sanitationNotice':
      return lazyScreen(
        <NoticeScreen
          key={`${route.payerId}/${route.period}`}
          payerId={route.payerId}
          period={route.period}
        />,
      )
    case 'sanitationNotices':
      return lazyScreen(<NoticeBatchScreen />)
    case 'sanitationBilling':
      return lazyScreen(<BillingRunScreen />)
    case 'sanitationBankImport':
      return lazyScreen(<BankImportScreen />)
    case 'sanitationReports':
      return lazyScreen(<SanitationReportsScreen />)
    case 'sanitationTariffs':
      return lazyScreen(<SanitationTariffsScreen />)
    case 'sanitationInspections':
      return lazyScreen(<SanitationInspectionsScreen />)
    case 'sanitationReference':
      return lazyScreen(<SanitationReferenceScreen />)
    case 'needsAttention':
      return lazyScreen(<NeedsAttentionScreen />)
    case 'conflicts':
      return lazyScreen(<ConflictsScreen role={role} />)
    case 'adminUsers':
      return lazyScreen(<AdminUsersScreen />)
    case 'adminDevices':
      return lazyScreen(<AdminDevicesScreen />)
    case 'adminEnrolmentCodes':
      return lazyScreen(<EnrolmentCodesScreen />)
    default:
      return <Text>{t('app.notFound')}</Text>
  }
}
