import type { CadastralCodeRecord } from '../../../../domain/property/schemas'

/** The code in force: the one without an end date (the backend closes the old one on a change). */
export const currentCadastralCode = (object: { cadastralCodes: readonly CadastralCodeRecord[] }) =>
  object.cadastralCodes.find((code) => code.validTo === null)
