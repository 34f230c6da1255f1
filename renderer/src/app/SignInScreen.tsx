import { zodResolver } from '@hookform/resolvers/zod'
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { authCalls } from '../../../domain/auth/contract'
import { ErrorAlert } from '../ui/ErrorAlert'
import { fieldError } from '../ui/fieldError'
import { AuthFrame } from './AuthFrame'
import { useSignIn } from './session'

const SignIn = authCalls.signIn.input

export function SignInScreen() {
  const { t } = useTranslation()
  const signIn = useSignIn()
  const form = useForm({ resolver: zodResolver(SignIn), defaultValues: { username: '', password: '' } })
  const { errors } = form.formState
  return (
    <AuthFrame title={t('auth.signIn.title')}>
      <form noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.signIn.subtitle')}
          </Text>
          <TextInput
            label={t('auth.signIn.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            error={fieldError(t, errors.username)}
            {...form.register('username')}
          />
          <PasswordInput
            label={t('auth.signIn.password')}
            autoComplete="current-password"
            error={fieldError(t, errors.password)}
            {...form.register('password')}
          />
          {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  )
}
