import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from '../../app/router'
import type { DetailTab } from '../../app/routes'
import { BackLink } from '../../ui/BackLink'
import { RecordCard } from '../../ui/RecordCard'
import { RecordQueryState } from '../../ui/RecordQueryState'
import { DocumentsSection } from '../documents/DocumentsSection'
import { HistorySection } from '../history/HistorySection'
import { LeasesSection } from '../leases/LeasesSection'
import { usePropertyDetail } from '../propertyQueries'
import { CadastralSection } from './CadastralSection'
import { DeleteObjectButton } from './DeleteObjectButton'
import { ObjectOverview } from './ObjectOverview'

/** An object's card with its cadastral codes, leases, documents and history. */
export default function PropertyDetailScreen({ id, tab }: { id: string; tab: DetailTab }) {
  const { t } = useTranslation()
  const { navigate, replace } = useRouter()
  const detail = usePropertyDetail(id)
  const backToList = (
    <BackLink label={t('property.detail.backToList')} onClick={() => navigate({ name: 'propertyList' })} />
  )
  if (!detail.isSuccess) return <RecordQueryState query={detail} back={backToList} />

  const object = detail.data
  const label = (name: DetailTab) => t(`property.detail.${name}`)
  return (
    <RecordCard
      back={backToList}
      title={object.name}
      summary={`${object.inventoryNumber} · ${t(`property.type.${object.type}`)}`}
      badges={
        <>
          <Badge variant="light">{t(`property.state.${object.state}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`property.propertyClass.${object.propertyClass}`)}
          </Badge>
        </>
      }
      actions={
        <>
          <Button onClick={() => navigate({ name: 'propertyEdit', id })}>{t('app.edit')}</Button>
          <DeleteObjectButton object={object} onReload={() => void detail.refetch()} />
        </>
      }
      tabsLabel={t('property.detail.tabs')}
      tab={tab}
      onTab={(next) => replace({ name: 'propertyDetail', id, tab: next })}
      tabs={[
        { name: 'overview', label: label('overview'), panel: <ObjectOverview object={object} /> },
        {
          name: 'cadastral',
          label: label('cadastral'),
          count: object.cadastralCodes.length,
          panel: <CadastralSection object={object} />,
        },
        {
          name: 'leases',
          label: label('leases'),
          count: object.leases.length,
          panel: <LeasesSection object={object} />,
        },
        {
          name: 'documents',
          label: label('documents'),
          count: object.documents.length,
          panel: <DocumentsSection object={object} />,
        },
        { name: 'history', label: label('history'), panel: <HistorySection objectId={object.id} /> },
      ]}
    />
  )
}
