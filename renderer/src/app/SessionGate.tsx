import { Center, Container, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SignInWithEnrolment } from '../sync/enrol/SignInWithEnrolment'
import { ErrorAlert } from '../ui/ErrorAlert'
import { ChangePasswordScreen } from './ChangePasswordScreen'
import { Screens } from './Screens'
import { Shell } from './Shell'
import { useSession } from './session'

/**
 * Sign-in (with the first-run enrolment while the PC has none), the forced password change, or the
 * application, depending on who is signed in.
 */
export function SessionGate() {
  const { t } = useTranslation()
  const session = useSession()
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (session.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={session.error} onReload={() => void session.refetch()} />
      </Container>
    )
  }
  const user = session.data
  if (!user) return <SignInWithEnrolment />
  if (user.mustChangePassword) return <ChangePasswordScreen user={user} />
  return (
    <Shell user={user}>
      <Screens role={user.role} />
    </Shell>
  )
}
