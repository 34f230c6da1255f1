import { AppShell } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '../../../domain/auth/schemas'
import { Header } from './Header'
import { Sidebar } from './Sidebar'

/** The frame around every screen: header with the user and the status, the registries on the left. */
export function Shell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <Header user={user} />
        </AppShell.Header>
        {/* A member of several services has more entries than a laptop screen holds: the menu scrolls. */}
        <AppShell.Navbar p="sm" aria-label={t('app.nav.label')} style={{ overflowY: 'auto' }}>
          <Sidebar />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0">
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  )
}
