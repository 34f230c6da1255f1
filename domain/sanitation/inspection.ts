import type { SanitationInspectionRow, SanitationPayerRow } from './rows'

// An inspection is an observation, kept as recorded. Approving it changes the payer: the change is
// computed here, so the supervisor sees exactly what approval would do before deciding.

export type InspectionChange =
  | { field: 'registeredMembers'; from: number | null; to: number }
  | { field: 'billingQuantity'; from: number | null; to: number }

type Observed = Pick<SanitationInspectionRow, 'observedMembers' | 'observedQuantity'>
type Payer = Pick<SanitationPayerRow, 'kind' | 'registeredMembers' | 'billingQuantity'>

/** What approving the inspection would change, or null when it confirms what the registry holds. */
export function inspectionChange(payer: Payer, inspection: Observed): InspectionChange | null {
  if (payer.kind === 'household') {
    const to = inspection.observedMembers
    if (to === null || to === payer.registeredMembers) return null
    return { field: 'registeredMembers', from: payer.registeredMembers, to }
  }
  const to = inspection.observedQuantity
  if (to === null || to === payer.billingQuantity) return null
  return { field: 'billingQuantity', from: payer.billingQuantity, to }
}

/** An observation of the wrong kind for the payer (members of a company): refused when recorded. */
export const observationFits = (payer: Pick<SanitationPayerRow, 'kind'>, inspection: Observed): boolean =>
  payer.kind === 'household'
    ? inspection.observedMembers !== null && inspection.observedQuantity === null
    : inspection.observedQuantity !== null && inspection.observedMembers === null
