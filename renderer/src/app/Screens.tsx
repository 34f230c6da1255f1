import { Center, Loader, Text } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { PropertyListScreen } from '../property/list/PropertyListScreen'
import { useRouter } from './router'

// The list is the first screen; the rest load when first opened, keeping the start-up bundle small.
const PropertyDetailScreen = lazy(() => import('../property/detail/PropertyDetailScreen'))
const PropertyCreateScreen = lazy(() => import('../property/form/PropertyCreateScreen'))
const PropertyEditScreen = lazy(() => import('../property/form/PropertyEditScreen'))
const PropertyReportsScreen = lazy(() => import('../reports/PropertyReportsScreen'))

/** The screen of the current route. */
export function Screens() {
  const { t } = useTranslation()
  const { route } = useRouter()
  const loading = (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  )
  switch (route.name) {
    case 'propertyList':
      return <PropertyListScreen />
    case 'propertyCreate':
      return (
        <Suspense fallback={loading}>
          <PropertyCreateScreen />
        </Suspense>
      )
    case 'propertyDetail':
      return (
        <Suspense fallback={loading}>
          <PropertyDetailScreen key={route.id} id={route.id} tab={route.tab ?? 'overview'} />
        </Suspense>
      )
    case 'propertyEdit':
      return (
        <Suspense fallback={loading}>
          <PropertyEditScreen key={route.id} id={route.id} />
        </Suspense>
      )
    case 'propertyReports':
      return (
        <Suspense fallback={loading}>
          <PropertyReportsScreen />
        </Suspense>
      )
    default:
      return <Text>{t('app.notFound')}</Text>
  }
}
