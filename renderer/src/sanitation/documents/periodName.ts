import { monthNamesNominative } from '../../../../domain/georgian/dates'

/** '2026-02' as a printed notice names it: "2026 წლის თებერვალი". */
export function periodName(period: string): string {
  const [year, month] = period.split('-')
  return `${year} წლის ${monthNamesNominative[Number(month) - 1] ?? month}`
}
