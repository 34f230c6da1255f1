import { Alert, Center, Divider, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { hasCode } from '../app/apiFailure'
import { ExpiringLeasesSection } from './ExpiringLeasesSection'
import { LeaseIncomeSection } from './LeaseIncomeSection'
import { ObjectsReportSection } from './ObjectsReportSection'
import { useObjectsReport } from './reportQueries'

/**
 * The property reports. They need the 'report' permission; the backend decides, and a clerk's
 * FORBIDDEN answer to the first report is shown instead of three failing sections.
 */
export default function PropertyReportsScreen() {
  const { t } = useTranslation()
  const objects = useObjectsReport()
  return (
    <Stack gap="lg" maw={1400}>
      <Title order={1} size="h2">
        {t('reports.title')}
      </Title>
      {objects.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : hasCode(objects.error, 'FORBIDDEN') ? (
        <Alert color="orange" role="alert" title={t('errors.FORBIDDEN')}>
          <Text size="sm">{t('reports.forbidden')}</Text>
        </Alert>
      ) : (
        <Paper withBorder p="lg">
          <Stack gap="xl">
            <ObjectsReportSection report={objects} />
            <Divider />
            <LeaseIncomeSection />
            <Divider />
            <ExpiringLeasesSection />
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
