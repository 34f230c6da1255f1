import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { authCalls } from '../../../domain/auth/contract'
import type { SessionUser } from '../../../domain/auth/schemas'
import { ErrorAlert } from '../ui/ErrorAlert'
import { fieldError } from '../ui/fieldError'
import { applyServerErrors } from '../ui/serverErrors'
import { AuthFrame } from './AuthFrame'
import { apiErrorOf, hasCode } from './apiFailure'
import { useChangePassword, useSignOut } from './session'

const ChangePassword = authCalls.changePassword.input

/** The call's own schema decides the password rules; the form only adds "type it twice". */
const ChangePasswordForm = z
  .object({ currentPassword: z.string(), newPassword: z.string(), repeat: z.string() })
  .superRefine(({ currentPassword, newPassword, repeat }, ctx) => {
    const checked = ChangePassword.safeParse({ currentPassword, newPassword })
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
    if (repeat !== newPassword)
      ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'auth.password.mismatch' })
  })

const fieldNames = ['currentPassword', 'newPassword', 'repeat'] as const

/** Shown instead of the app while the user signs in with a temporary password (the demo admin). */
export function ChangePasswordScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation()
  const change = useChangePassword()
  const signOut = useSignOut()
  const form = useForm({
    resolver: zodResolver(ChangePasswordForm),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  })
  const { errors } = form.formState
  const submit = form.handleSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onError: (error) => {
          if (hasCode(error, 'VALIDATION')) applyServerErrors(apiErrorOf(error), fieldNames, form.setError)
        },
      },
    ),
  )
  return (
    <AuthFrame title={t('auth.changePassword.title')}>
      <form noValidate onSubmit={submit}>
        <Stack>
          <Alert color="rustavi" variant="light">
            {t('auth.changePassword.explanation')}
          </Alert>
          <input type="text" hidden autoComplete="username" value={user.username} readOnly />
          <PasswordInput
            label={t('auth.changePassword.current')}
            autoComplete="current-password"
            autoFocus
            error={fieldError(t, errors.currentPassword)}
            {...form.register('currentPassword')}
          />
          <PasswordInput
            label={t('auth.changePassword.new')}
            description={t('auth.changePassword.hint')}
            autoComplete="new-password"
            error={fieldError(t, errors.newPassword)}
            {...form.register('newPassword')}
          />
          <PasswordInput
            label={t('auth.changePassword.repeat')}
            autoComplete="new-password"
            error={fieldError(t, errors.repeat)}
            {...form.register('repeat')}
          />
          {change.isError && !hasCode(change.error, 'VALIDATION') ? (
            <ErrorAlert error={change.error} />
          ) : null}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => signOut.mutate()}>
              {t('app.user.signOut')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('auth.changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  )
}
