import { useTranslation } from 'react-i18next'
import { isoDateInTbilisi } from '../../../../domain/georgian'
import { periodOfDate } from '../../../../domain/sanitation/period'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import { api } from '../../api/api'
import { unwrap } from '../../app/apiFailure'
import { FormModal } from '../../ui/FormModal'
import { useSanitationWrite } from './editQueries'
import { PayerForm } from './PayerForm'
import { changedPayerFields, emptyPayerForm, payerFormOf } from './payerFormValues'

// The payer forms as dialogs, to open from the payer list and the payer card.

interface NewProps {
  opened: boolean
  onClose(): void
  /** The new payer's id and the payment code the registry gave it. */
  onCreated?(payer: { id: string; paymentCode: string }): void
}

/** Registers a household or an organisation. */
export function NewPayerDialog({ opened, onClose, onCreated }: NewProps) {
  const { t } = useTranslation()
  const create = useSanitationWrite((input: Parameters<typeof api.sanitation.createPayer>[0]) =>
    unwrap(api.sanitation.createPayer(input)),
  )
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.payerForm.createTitle')} size="xl">
      <PayerForm
        mode="create"
        defaultValues={emptyPayerForm(periodOfDate(isoDateInTbilisi(Date.now())))}
        onSubmit={async (values) => {
          const { status: _s, closedOn: _c, ...fields } = values
          const created = await create.mutateAsync(fields)
          onCreated?.(created)
          onClose()
        }}
        onCancel={onClose}
      />
    </FormModal>
  )
}

interface EditProps {
  opened: boolean
  onClose(): void
  payer: PayerAccountView['payer']
}

/** Changes a payer's record; only the changed fields are sent, with the version the card showed. */
export function EditPayerDialog({ opened, onClose, payer }: EditProps) {
  const { t } = useTranslation()
  const update = useSanitationWrite((input: Parameters<typeof api.sanitation.updatePayer>[0]) =>
    unwrap(api.sanitation.updatePayer(input)),
  )
  const before = payerFormOf(payer)
  return (
    <FormModal opened={opened} onClose={onClose} title={t('sanitation.payerForm.editTitle')} size="xl">
      <PayerForm
        key={payer.version}
        mode="edit"
        defaultValues={before}
        onSubmit={async (values) => {
          const changes = changedPayerFields(before, values)
          if (Object.keys(changes).length > 0) {
            await update.mutateAsync({ id: payer.id, version: payer.version, changes })
          }
          onClose()
        }}
        onCancel={onClose}
      />
    </FormModal>
  )
}
