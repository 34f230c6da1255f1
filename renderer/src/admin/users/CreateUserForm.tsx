import { zodResolver } from '@hookform/resolvers/zod'
import { PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { adminCalls } from '../../../../domain/admin/contract'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useCreateUser } from '../adminMutations'
import { AccessFields } from './AccessFields'

const CreateUser = adminCalls.createUser.input
const fieldNames = Object.keys(CreateUser.shape)

/** A new account with its role, services and a first password the user changes at first sign-in. */
export function CreateUserForm({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean
  onClose(): void
  onCreated(): void
}) {
  const { t } = useTranslation()
  return (
    <FormModal opened={opened} onClose={onClose} title={t('admin.users.createTitle')}>
      <CreateUserFields onCancel={onClose} onCreated={onCreated} />
    </FormModal>
  )
}

function CreateUserFields({ onCancel, onCreated }: { onCancel(): void; onCreated(): void }) {
  const { t } = useTranslation()
  const create = useCreateUser()
  const form = useForm<z.input<typeof CreateUser>, unknown, z.output<typeof CreateUser>>({
    resolver: zodResolver(CreateUser),
    defaultValues: { username: '', displayName: '', role: 'clerk', departments: [], password: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const submit = form.handleSubmit(async (values) => {
    if (await server.run(() => create.mutateAsync(values))) onCreated()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('admin.users.username')}
          withAsterisk
          data-autofocus
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError(t, errors.username)}
          {...form.register('username')}
        />
        <TextInput
          label={t('admin.users.displayName')}
          withAsterisk
          autoComplete="off"
          error={fieldError(t, errors.displayName)}
          {...form.register('displayName')}
        />
        <AccessFields control={form.control} errors={errors} />
        <PasswordInput
          label={t('admin.users.password')}
          description={t('admin.users.passwordHint')}
          withAsterisk
          autoComplete="new-password"
          error={fieldError(t, errors.password)}
          {...form.register('password')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} />
      </Stack>
    </KeyboardForm>
  )
}
