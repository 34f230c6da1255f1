import type { PayerChanges } from '../../../../domain/sanitation/editSchemas'
import type { PayerAccountView } from '../../../../domain/sanitation/views'
import type { PayerFormValues } from './PayerForm'

/** What a new payer's form starts with: a household, billed from the current month. */
export const emptyPayerForm = (currentPeriod: string) => ({
  kind: 'household' as const,
  name: '',
  personalNumber: null,
  companyCode: null,
  territorialUnitId: undefined,
  street: '',
  building: '',
  apartment: '',
  postalCode: null,
  phone: null,
  registeredMembers: null,
  socialScore: null,
  activityCategory: null,
  billingUnit: null,
  billingQuantity: null,
  billedFrom: currentPeriod,
  notes: '',
})

/** The stored payer as the edit form holds it (everything but its payment code). */
export function payerFormOf(payer: PayerAccountView['payer']): PayerFormValues {
  const { id: _id, version: _version, paymentCode: _code, ...fields } = payer
  return fields
}

/** The fields the clerk changed (the kind never changes). */
export function changedPayerFields(before: PayerFormValues, after: PayerFormValues): PayerChanges {
  const changes: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof PayerFormValues)[]) {
    if (key === 'kind') continue
    if (!Object.is(before[key], after[key])) changes[key] = after[key]
  }
  return changes as PayerChanges
}
