import { z } from 'zod'
import { dateParts, IsoDate, monthNamesEnglish, monthNamesGenitive } from './dates'

/** resolution = დადგენილება (normative act), decree = განკარგულება, order = ბრძანება (the Mayor's). */
export const LegalActKind = z.enum(['resolution', 'decree', 'order'])
export type LegalActKind = z.infer<typeof LegalActKind>

export const LegalActRef = z.object({
  date: IsoDate,
  number: z.string().trim().min(1, 'georgian.legalAct.numberRequired').max(40, 'validation.tooLong'),
  kind: LegalActKind,
})
export type LegalActRef = z.infer<typeof LegalActRef>

const kindKa: Record<LegalActKind, string> = {
  resolution: 'დადგენილება',
  decree: 'განკარგულება',
  order: 'ბრძანება',
}

const kindEn: Record<LegalActKind, string> = {
  resolution: 'Resolution',
  decree: 'Decree',
  order: 'Order',
}

/** "2019 წლის 20 დეკემბრის №158 დადგენილება" / "Resolution No. 158 of 20 December 2019". */
export function citeLegalAct(act: LegalActRef, lang: 'ka' | 'en' = 'ka'): string {
  const { year, month, day } = dateParts(act.date)
  // a number typed as "№158" or "No. 158" must not print its sign twice
  const number = act.number.trim().replace(/^(?:№|No\.?|N)\s*(?=\d)/i, '')
  return lang === 'ka'
    ? `${year} წლის ${day} ${monthNamesGenitive[month - 1]} №${number} ${kindKa[act.kind]}`
    : `${kindEn[act.kind]} No. ${number} of ${day} ${monthNamesEnglish[month - 1]} ${year}`
}
