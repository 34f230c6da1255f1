// Who issues the sanitation registry's printed documents and under which law; reference data with
// the defaults a new installation starts from (research/domain.md 1.8: the fee is administered by
// the Municipal Inspection, under the Law on Local Fees and the Sakrebulo's tariff resolution).

export interface DocumentIssuer {
  municipality: string
  service: string
  /** The law the fee rests on, cited before the Sakrebulo's resolution. */
  law: string
}

export const defaultDocumentIssuer: DocumentIssuer = {
  municipality: 'რუსთავის მუნიციპალიტეტის მერია',
  service: 'მუნიციპალური ინსპექცია',
  law: 'საქართველოს კანონი „ადგილობრივი მოსაკრებლების შესახებ“',
}

/** The payer's address as a document prints it: street, building, apartment. */
export const payerAddress = (p: { street: string; building: string; apartment: string }): string =>
  [p.street, p.building].filter((s) => s.trim() !== '').join(' ') +
  (p.apartment.trim() !== '' ? `, ბ. ${p.apartment}` : '')
