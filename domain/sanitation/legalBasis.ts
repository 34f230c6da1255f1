import { citeLegalAct, type LegalActKind } from '../georgian/legalAct'

export interface LegalActFields {
  legalActNumber: string
  legalActDate: string
  legalActKind: LegalActKind
}

/** "რუსთავის მუნიციპალიტეტის საკრებულოს 2021 წლის 24 დეკემბრის №45 დადგენილება" */
export const tariffBasis = (
  sakrebuloGenitive: string,
  version: { resolutionNumber: string; resolutionDate: string },
): string =>
  `${sakrebuloGenitive} ${citeLegalAct({ number: version.resolutionNumber, date: version.resolutionDate, kind: 'resolution' })}`

export const actCitation = (act: LegalActFields): string =>
  citeLegalAct({ number: act.legalActNumber, date: act.legalActDate, kind: act.legalActKind })

/** The tariff's resolution, then the act that grants a relief: "…; შეღავათი: 2020 წლის …". */
export const withRelief = (basis: string, relief: LegalActFields | null): string =>
  relief === null ? basis : `${basis}; შეღავათი: ${actCitation(relief)}`
