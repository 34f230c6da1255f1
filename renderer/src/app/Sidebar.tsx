import { Badge, NavLink, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type Role, roleAllows } from '../../../domain/auth/roles'
import { useSyncOverview } from '../sync/syncQueries'
import { useFormat } from '../ui/useFormat'
import { useRouter } from './router'
import type { Route } from './routes'
import { useSession } from './session'

interface Item {
  labelKey: string
  target: Route
  /** Which routes light this item up. */
  covers: readonly Route['name'][]
  /** A count worth seeing from anywhere (changes the server refused, open conflicts). */
  count?: number
}

interface Section {
  labelKey: string
  items: readonly Item[]
}

// Only the registries that exist so far.
const registries: Section = {
  labelKey: 'app.nav.registries',
  items: [
    {
      labelKey: 'app.nav.property',
      target: { name: 'propertyList' },
      covers: ['propertyList', 'propertyCreate', 'propertyDetail', 'propertyEdit'],
    },
    {
      labelKey: 'app.nav.propertyReports',
      target: { name: 'propertyReports' },
      covers: ['propertyReports'],
    },
  ],
}

/** The sanitation registry's screens for its members, each for the roles that use it. */
function sanitationSection(role: Role): Section {
  // The payers (list, card, counter payment, receipts) and the notices for every member.
  const items: Item[] = [
    {
      labelKey: 'app.nav.sanitationPayers',
      target: { name: 'sanitationPayers' },
      covers: ['sanitationPayers', 'sanitationPayer', 'sanitationReceipt', 'sanitationNotice'],
    },
    {
      labelKey: 'app.nav.sanitationNotices',
      target: { name: 'sanitationNotices' },
      covers: ['sanitationNotices'],
    },
  ]
  // The runs are the head's work (the auditor sees them); a clerk's are the payments.
  if (roleAllows(role, 'report')) {
    items.push({
      labelKey: 'app.nav.sanitationBilling',
      target: { name: 'sanitationBilling' },
      covers: ['sanitationBilling'],
    })
  }
  if (roleAllows(role, 'write')) {
    items.push({
      labelKey: 'app.nav.sanitationBankImport',
      target: { name: 'sanitationBankImport' },
      covers: ['sanitationBankImport'],
    })
  }
  if (roleAllows(role, 'report')) {
    items.push({
      labelKey: 'app.nav.sanitationReports',
      target: { name: 'sanitationReports' },
      covers: ['sanitationReports'],
    })
  }
  // Tariffs under their legal acts, and inspections awaiting a supervisor, for every member.
  items.push(
    {
      labelKey: 'app.nav.sanitationTariffs',
      target: { name: 'sanitationTariffs' },
      covers: ['sanitationTariffs'],
    },
    {
      labelKey: 'app.nav.sanitationInspections',
      target: { name: 'sanitationInspections' },
      covers: ['sanitationInspections'],
    },
  )
  // The categories, bands and bank formats, which a head edits.
  if (roleAllows(role, 'approve')) {
    items.push({
      labelKey: 'app.nav.sanitationReference',
      target: { name: 'sanitationReference' },
      covers: ['sanitationReference'],
    })
  }
  return { labelKey: 'app.nav.sanitation', items }
}

const administration: Section = {
  labelKey: 'app.nav.admin',
  items: [
    { labelKey: 'app.nav.adminUsers', target: { name: 'adminUsers' }, covers: ['adminUsers'] },
    { labelKey: 'app.nav.adminDevices', target: { name: 'adminDevices' }, covers: ['adminDevices'] },
    {
      labelKey: 'app.nav.adminEnrolmentCodes',
      target: { name: 'adminEnrolmentCodes' },
      covers: ['adminEnrolmentCodes'],
    },
  ],
}

/**
 * The registries and the sync screens for department staff; the administration screens for IT,
 * who sees no citizen data (DESIGN.md section 6).
 */
export function Sidebar() {
  const session = useSession().data
  const role = session?.role
  const overview = useSyncOverview()
  const sync: Section = {
    labelKey: 'app.nav.sync',
    items: [
      {
        labelKey: 'app.nav.needsAttention',
        target: { name: 'needsAttention' },
        covers: ['needsAttention'],
        count: overview.data?.needsAttention,
      },
      {
        labelKey: 'app.nav.conflicts',
        target: { name: 'conflicts' },
        covers: ['conflicts'],
        count: overview.data?.openConflicts,
      },
    ],
  }
  const sanitation = role && session.departments.includes('sanitation') ? [sanitationSection(role)] : []
  const sections = role === 'itAdmin' ? [administration] : [registries, ...sanitation, sync]
  return (
    // The navigation landmark is the shell's navbar around this.
    <Stack gap="md">
      {sections.map((section) => (
        <SidebarSection key={section.labelKey} section={section} />
      ))}
    </Stack>
  )
}

function SidebarSection({ section }: { section: Section }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { route, navigate } = useRouter()
  return (
    <Stack gap={4} role="group" aria-label={t(section.labelKey)}>
      <Text size="xs" c="dimmed" fw={600} px="sm" pb={4} aria-hidden="true">
        {t(section.labelKey)}
      </Text>
      {section.items.map((item) => {
        const active = item.covers.includes(route.name)
        return (
          <NavLink
            key={item.labelKey}
            component="button"
            type="button"
            label={t(item.labelKey)}
            rightSection={
              item.count ? (
                <Badge size="sm" variant="filled" color="red" aria-hidden="true">
                  {format.number(item.count)}
                </Badge>
              ) : null
            }
            aria-label={item.count ? `${t(item.labelKey)}: ${format.number(item.count)}` : undefined}
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
