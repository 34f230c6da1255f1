import { payerAddress } from '../../domain/sanitation/documentIssuer'
import type { PayerOnDocument } from '../../domain/sanitation/documentViews'

/** The columns a document prints of a payer, from `sanitation_payer p` joined to `territorial_unit u`. */
export const payerOnDocumentColumns = `p.id, p.kind, p.name, p.payment_code AS paymentCode,
  p.personal_number AS personalNumber, p.company_code AS companyCode, p.street, p.building, p.apartment,
  coalesce(u.name_ka, '') AS territorialUnitName`

export type PayerOnDocumentRow = Omit<PayerOnDocument, 'address'> & {
  street: string
  building: string
  apartment: string
}

export function payerOnDocument(row: PayerOnDocumentRow): PayerOnDocument {
  const { street, building, apartment, ...rest } = row
  return { ...rest, address: payerAddress({ street, building, apartment }) }
}
