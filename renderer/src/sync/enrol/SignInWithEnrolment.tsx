import { Alert, Box, Center } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SignInScreen } from '../../app/SignInScreen'
import { useSyncOverview } from '../syncQueries'
import { demoChosen, rememberDemoChoice } from './demoChoice'
import { EnrolScreen } from './EnrolScreen'
import { FirstRunOffer } from './FirstRunOffer'

type Step = 'offer' | 'enrol' | 'demo' | 'enrolled'

/**
 * Sign-in, and on a PC that is not enrolled yet the first-run choice beside it: enrol with IT's
 * code, or continue with the demo (signing in works locally). When the status cannot be read the
 * sign-in form is shown alone: signing in never depends on the central server.
 */
export function SignInWithEnrolment() {
  const { t } = useTranslation()
  const overview = useSyncOverview()
  const [step, setStep] = useState<Step>(() => (demoChosen() ? 'demo' : 'offer'))
  if (step === 'enrol')
    return <EnrolScreen onBack={() => setStep('offer')} onEnrolled={() => setStep('enrolled')} />
  const offer = overview.data?.connection === 'notEnrolled' && step === 'offer'
  return (
    <>
      {offer ? (
        <FirstRunOffer
          onEnrol={() => setStep('enrol')}
          onDemo={() => {
            rememberDemoChoice()
            setStep('demo')
          }}
        />
      ) : null}
      {step === 'enrolled' ? (
        <Box bg="gray.1" pt="md" px="md">
          <Center>
            <Alert color="green" variant="light" role="status" w={560}>
              {t('sync.enrol.enrolled')}
            </Alert>
          </Center>
        </Box>
      ) : null}
      <SignInScreen />
    </>
  )
}
