import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { syncCalls } from '../../../../domain/sync/contract'
import { AuthFrame } from '../../app/AuthFrame'
import { apiErrorOf } from '../../app/apiFailure'
import { fieldError } from '../../ui/fieldError'
import { KeyboardForm } from '../../ui/KeyboardForm'
import { SubmitFailureAlert } from '../../ui/SubmitFailureAlert'
import { useServerSubmit } from '../../ui/useServerSubmit'
import { useEnrol } from '../syncMutations'
import { enrolErrorField, enrolMessageFor } from './enrolErrors'

const Enrol = syncCalls.enrol.input

/**
 * The call's own schema, with the two things a person dictating a code does: spaces between its
 * groups, and an address typed without "https://" is a wrong address, said in words.
 */
const EnrolForm = z
  .object({ serverUrl: z.string(), code: z.string(), deviceName: z.string() })
  .transform((values) => ({
    serverUrl: values.serverUrl.trim(),
    code: values.code.replace(/\s+/g, ''),
    deviceName: values.deviceName.trim(),
  }))
  .pipe(Enrol)

const fieldNames = ['serverUrl', 'code', 'deviceName'] as const

/** First run: a server address, IT's one-time code and a name for this PC. */
export function EnrolScreen({ onBack, onEnrolled }: { onBack(): void; onEnrolled(): void }) {
  const { t } = useTranslation()
  const enrol = useEnrol()
  const form = useForm<z.input<typeof EnrolForm>, unknown, z.output<typeof EnrolForm>>({
    resolver: zodResolver(EnrolForm),
    defaultValues: { serverUrl: '', code: '', deviceName: '' },
  })
  const { errors, isSubmitting } = form.formState
  const server = useServerSubmit(form.setError, fieldNames)
  const error = (field: (typeof fieldNames)[number]) => {
    const key = enrolMessageFor(field, errors[field]?.message)
    return key ? t(key) : undefined
  }
  const submit = form.handleSubmit(async (values) => {
    server.clear()
    try {
      await enrol.mutateAsync(values)
      onEnrolled()
    } catch (thrown) {
      const beside = enrolErrorField(apiErrorOf(thrown))
      if (beside) form.setError(beside.field, { type: 'server', message: beside.key }, { shouldFocus: true })
      // The field messages the backend names go beside their fields, the rest into the alert.
      else await server.run(() => Promise.reject(thrown))
    }
  })
  return (
    <AuthFrame title={t('sync.enrol.title')}>
      <KeyboardForm onSubmit={submit} onEscape={onBack}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('sync.enrol.intro')}
          </Text>
          <TextInput
            label={t('sync.enrol.serverUrl')}
            description={t('sync.enrol.serverUrlHint')}
            type="url"
            inputMode="url"
            autoComplete="url"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            withAsterisk
            error={error('serverUrl')}
            {...form.register('serverUrl')}
          />
          <TextInput
            label={t('sync.enrol.code')}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
            styles={{ input: { fontSize: 20, letterSpacing: 2, fontVariantNumeric: 'tabular-nums' } }}
            error={error('code')}
            {...form.register('code')}
          />
          <TextInput
            label={t('sync.enrol.deviceName')}
            description={t('sync.enrol.deviceNameHint')}
            autoComplete="off"
            withAsterisk
            error={fieldError(t, errors.deviceName)}
            {...form.register('deviceName')}
          />
          <SubmitFailureAlert failure={server.failure} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={onBack}>
              {t('sync.enrol.back')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('sync.enrol.submit')}
            </Button>
          </Group>
        </Stack>
      </KeyboardForm>
    </AuthFrame>
  )
}
