import { NavLink, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouter } from './router'
import type { Route } from './routes'

interface Item {
  labelKey: string
  target: Route
  /** Which routes light this item up. */
  covers: readonly Route['name'][]
}

// Only the registries that exist so far.
const items: readonly Item[] = [
  {
    labelKey: 'app.nav.property',
    target: { name: 'propertyList' },
    covers: ['propertyList', 'propertyCreate', 'propertyDetail', 'propertyEdit'],
  },
  { labelKey: 'app.nav.propertyReports', target: { name: 'propertyReports' }, covers: ['propertyReports'] },
]

export function Sidebar() {
  const { t } = useTranslation()
  const { route, navigate } = useRouter()
  return (
    <Stack gap={4} component="nav" aria-label={t('app.nav.label')}>
      <Text size="xs" c="dimmed" fw={600} px="sm" pb={4}>
        {t('app.nav.registries')}
      </Text>
      {items.map((item) => {
        const active = item.covers.includes(route.name)
        return (
          <NavLink
            key={item.labelKey}
            component="button"
            type="button"
            label={t(item.labelKey)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={() => navigate(item.target)}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          />
        )
      })}
    </Stack>
  )
}
