import { zodResolver } from '@hookform/resolvers/zod'
import { Checkbox, Stack, Text, TextInput } from '@mantine/core'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { adminCalls } from '../../../../domain/admin/contract'
import type { AdminUser } from '../../../../domain/sync/contract'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useUpdateUser } from '../adminMutations'
import { AccessFields } from './AccessFields'

const UpdateUser = adminCalls.updateUser.input
const fieldNames = Object.keys(UpdateUser.shape)

interface Props {
  user: AdminUser | null
  onClose(): void
  onSaved(): void
}

/** Role, services, name and whether the account may sign in; the username never changes. */
export function EditUserForm({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal opened={user !== null} onClose={onClose} title={t('admin.users.editTitle')}>
      {user ? <EditUserFields user={user} onCancel={onClose} onSaved={onSaved} /> : null}
    </FormModal>
  )
}

function EditUserFields({ user, onCancel, onSaved }: { user: AdminUser; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation()
  const update = useUpdateUser()
  const form = useForm<z.input<typeof UpdateUser>, unknown, z.output<typeof UpdateUser>>({
    resolver: zodResolver(UpdateUser),
    defaultValues: {
      id: user.id,
      displayName: user.displayName,
      role: user.role,
      departments: user.departments,
      active: user.active,
    },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => update.mutateAsync(values))) onSaved()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <Text size="sm">
          {`${t('admin.users.username')}: `}
          <Text span fw={600}>
            {user.username}
          </Text>
        </Text>
        <TextInput
          label={t('admin.users.displayName')}
          withAsterisk
          data-autofocus
          autoComplete="off"
          error={fieldError(t, errors.displayName)}
          {...form.register('displayName')}
        />
        <AccessFields control={form.control} errors={errors} />
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Checkbox
              label={t('admin.users.activeLabel')}
              description={t('admin.users.activeHint')}
              ref={field.ref}
              onBlur={field.onBlur}
              checked={field.value === true}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
