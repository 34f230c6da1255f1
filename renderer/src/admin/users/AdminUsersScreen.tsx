import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminUser } from '../../../../domain/sync/contract'
import { useRouter } from '../../app/router'
import { ScrollRegion } from '../../ui/ScrollRegion'
import { useFormat } from '../../ui/useFormat'
import { AdminScreenFrame } from '../AdminScreenFrame'
import { useAdminUsers } from '../adminQueries'
import { CreateUserForm } from './CreateUserForm'
import { EditUserForm } from './EditUserForm'
import { ResetPasswordDialog } from './ResetPasswordForm'

/** The accounts of the municipality's staff: roles, services, whether they may sign in. */
export default function AdminUsersScreen() {
  const { t } = useTranslation()
  const format = useFormat()
  const { replace } = useRouter()
  const users = useAdminUsers()
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<AdminUser | null>(null)
  const [resetting, setResetting] = useState<AdminUser | null>(null)
  const done = (flash: string) => {
    setCreating(false)
    setEditing(null)
    setResetting(null)
    replace({ name: 'adminUsers' }, flash)
  }
  return (
    <>
      <AdminScreenFrame
        title={t('admin.users.title')}
        query={users}
        action={<Button onClick={() => setCreating(true)}>{t('admin.users.add')}</Button>}
      >
        {users.data && users.data.length === 0 ? (
          <Paper withBorder p="lg">
            <Text c="dimmed">{t('admin.users.empty')}</Text>
          </Paper>
        ) : (
          <ScrollRegion label={t('admin.users.tableLabel')} maxHeight={640}>
            <Table aria-label={t('admin.users.tableLabel')} stickyHeader verticalSpacing="xs" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.username')}</Table.Th>
                  <Table.Th>{t('admin.users.displayName')}</Table.Th>
                  <Table.Th>{t('admin.users.role')}</Table.Th>
                  <Table.Th>{t('admin.users.departments')}</Table.Th>
                  <Table.Th>{t('admin.users.status')}</Table.Th>
                  <Table.Th>{t('admin.users.lastSignIn')}</Table.Th>
                  <Table.Th>{t('admin.users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(users.data ?? []).map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.username}</Table.Td>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{t(`auth.role.${user.role}`)}</Table.Td>
                    <Table.Td>
                      {user.departments.length === 0
                        ? '—'
                        : user.departments.map((d) => t(`auth.department.${d}`)).join(', ')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color={user.active ? 'green' : 'gray'}>
                          {user.active ? t('admin.users.active') : t('admin.users.inactive')}
                        </Badge>
                        {user.mustChangePassword ? (
                          <Badge variant="light" color="orange">
                            {t('admin.users.mustChangePassword')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t('admin.users.never')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`${t('app.edit')}: ${user.displayName}`}
                          onClick={() => setEditing(user)}
                        >
                          {t('app.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`${t('admin.users.resetPassword')}: ${user.displayName}`}
                          onClick={() => setResetting(user)}
                        >
                          {t('admin.users.resetPassword')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </AdminScreenFrame>
      <CreateUserForm
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={() => done('admin.users.created')}
      />
      <EditUserForm user={editing} onClose={() => setEditing(null)} onSaved={() => done('app.saved')} />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => done('admin.users.passwordReset')}
      />
    </>
  )
}
