import { zodResolver } from '@hookform/resolvers/zod'
import { PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { adminCalls } from '../../../../domain/admin/contract'
import type { AdminUser } from '../../../../domain/sync/contract'
import { FormButtons } from '../../ui/FormButtons'
import { FormModal } from '../../ui/FormModal'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useResetPassword } from '../adminMutations'

const ResetPassword = adminCalls.resetPassword.input

/** The call's schema decides the password rules; the form only adds "type it twice". */
const ResetPasswordForm = z
  .object({ password: z.string(), repeat: z.string() })
  .superRefine(({ password, repeat }, ctx) => {
    const checked = ResetPassword.shape.password.safeParse(password)
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: issue.message })
    }
    if (repeat !== password)
      ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'auth.password.mismatch' })
  })

interface Props {
  user: AdminUser | null
  onClose(): void
  onDone(): void
}

/** A temporary password IT gives a user who forgot theirs; the server makes them change it. */
export function ResetPasswordDialog({ user, onClose, onDone }: Props) {
  const { t } = useTranslation()
  return (
    <FormModal
      opened={user !== null}
      onClose={onClose}
      title={t('admin.users.resetTitle', { name: user?.displayName ?? '' })}
      size="md"
    >
      {user ? <ResetPasswordFields user={user} onCancel={onClose} onDone={onDone} /> : null}
    </FormModal>
  )
}

function ResetPasswordFields({
  user,
  onCancel,
  onDone,
}: {
  user: AdminUser
  onCancel(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const reset = useResetPassword()
  const form = useForm({
    resolver: zodResolver(ResetPasswordForm),
    defaultValues: { password: '', repeat: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, ['password'])
  const submit = form.handleSubmit(async ({ password }) => {
    if (await server.run(() => reset.mutateAsync({ id: user.id, password }))) onDone()
  })
  return (
    <KeyboardForm onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('admin.users.resetHint')}</Text>
        <input type="text" hidden autoComplete="username" value={user.username} readOnly />
        <PasswordInput
          label={t('admin.users.newPassword')}
          description={t('auth.changePassword.hint')}
          withAsterisk
          data-autofocus
          autoComplete="new-password"
          error={fieldError(t, errors.password)}
          {...form.register('password')}
        />
        <PasswordInput
          label={t('admin.users.repeatPassword')}
          withAsterisk
          autoComplete="new-password"
          error={fieldError(t, errors.repeat)}
          {...form.register('repeat')}
        />
        <SubmitFailureAlert failure={server.failure} />
        <FormButtons onCancel={onCancel} saving={isSubmitting} saveLabel={t('admin.users.resetPassword')} />
      </Stack>
    </KeyboardForm>
  )
}
