import { Anchor, Badge, Button, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../../app/router'
import type { DetailTab } from '../../app/routes'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { FlashMessage } from '../../ui/FlashMessage'
import { Icon } from '../../ui/Icon'
import { DocumentsSection } from '../documents/DocumentsSection'
import { HistorySection } from '../history/HistorySection'
import { LeasesSection } from '../leases/LeasesSection'
import { usePropertyDetail } from '../propertyQueries'
import { CadastralSection } from './CadastralSection'
import { DeleteObjectButton } from './DeleteObjectButton'
import { ObjectOverview } from './ObjectOverview'

const tabs: readonly DetailTab[] = ['overview', 'cadastral', 'leases', 'documents', 'history']
const isTab = (value: string | null): value is DetailTab => tabs.includes(value as DetailTab)

/** An object's card with its cadastral codes, leases, documents and history. */
export default function PropertyDetailScreen({ id, tab }: { id: string; tab: DetailTab }) {
  const { t } = useTranslation()
  const { navigate, replace } = useRouter()
  const detail = usePropertyDetail(id)
  const backToList = (
    <Anchor
      component="button"
      type="button"
      size="sm"
      style={{ alignSelf: 'flex-start' }}
      onClick={() => navigate({ name: 'propertyList' })}
    >
      <Icon name="arrowLeft" /> {t('property.detail.backToList')}
    </Anchor>
  )

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (detail.isError) {
    return (
      <Stack>
        {backToList}
        <ErrorAlert error={detail.error} onReload={() => void detail.refetch()} />
      </Stack>
    )
  }

  const object = detail.data
  const tabLabel = (name: DetailTab) => {
    const count = {
      cadastral: object.cadastralCodes.length,
      leases: object.leases.length,
      documents: object.documents.length,
    }
    const n = name in count ? count[name as keyof typeof count] : undefined
    return n ? `${t(`property.detail.${name}`)} (${n})` : t(`property.detail.${name}`)
  }
  return (
    <Stack gap="md">
      {backToList}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {object.name}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {object.inventoryNumber} · {t(`property.type.${object.type}`)}
            </Text>
            <Badge variant="light">{t(`property.state.${object.state}`)}</Badge>
            <Badge variant="outline" color="gray">
              {t(`property.propertyClass.${object.propertyClass}`)}
            </Badge>
          </Group>
        </Stack>
        <Group>
          <Button onClick={() => navigate({ name: 'propertyEdit', id })}>{t('app.edit')}</Button>
          <DeleteObjectButton object={object} onReload={() => void detail.refetch()} />
        </Group>
      </Group>
      <FlashMessage />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) replace({ name: 'propertyDetail', id, tab: value })
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('property.detail.tabs')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {tabLabel(name)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <ObjectOverview object={object} />
        </Tabs.Panel>
        <Tabs.Panel value="cadastral" pt="md">
          <CadastralSection object={object} />
        </Tabs.Panel>
        <Tabs.Panel value="leases" pt="md">
          <LeasesSection object={object} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsSection object={object} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistorySection objectId={object.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
