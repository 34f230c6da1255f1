import { z } from 'zod'

// Calendar dates are ISO `yyyy-MM-dd` strings with no time zone; arithmetic is on day numbers
// (days since 1970-01-01), so no result depends on the PC's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MIN_YEAR = 1900
const MAX_YEAR = 2100
const DAY_MS = 86_400_000
/** Georgia keeps UTC+4 all year (no daylight saving since 2005). */
const TBILISI_OFFSET_MS = 4 * 3_600_000

export const IsoDate = z.string().refine(isIsoDate, 'georgian.date.invalid')
export type IsoDate = z.infer<typeof IsoDate>

export const monthNamesNominative = [
  'იანვარი',
  'თებერვალი',
  'მარტი',
  'აპრილი',
  'მაისი',
  'ივნისი',
  'ივლისი',
  'აგვისტო',
  'სექტემბერი',
  'ოქტომბერი',
  'ნოემბერი',
  'დეკემბერი',
] as const

/** "20 დეკემბრის": the form used in dates of documents and legal acts. */
export const monthNamesGenitive = [
  'იანვრის',
  'თებერვლის',
  'მარტის',
  'აპრილის',
  'მაისის',
  'ივნისის',
  'ივლისის',
  'აგვისტოს',
  'სექტემბრის',
  'ოქტომბრის',
  'ნოემბრის',
  'დეკემბრის',
] as const

export const monthNamesEnglish = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export type DateParts = { year: number; month: number; day: number }

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** A real calendar date between 1900-01-01 and 2100-12-31. */
export function isIsoDate(s: string): boolean {
  const parts = partsOf(s)
  return parts !== null && parts.year >= MIN_YEAR && parts.year <= MAX_YEAR
}

function partsOf(iso: string): DateParts | null {
  const m = ISO_DATE.exec(iso)
  if (!m) return null
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  return isRealDate(parts) ? parts : null
}

function isRealDate({ year, month, day }: DateParts): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function dateParts(iso: string): DateParts {
  const parts = partsOf(iso)
  if (!parts) throw new RangeError(`not an ISO date: ${iso}`)
  return parts
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export const isoDateOf = ({ year, month, day }: DateParts): string =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`

/** Days since 1970-01-01 (H. Hinnant's days_from_civil): exact for every year. */
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

function fromDayNumber(days: number): DateParts {
  const z0 = days + 719_468
  const era = Math.floor(z0 / 146_097)
  const doe = z0 - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** `dd.MM.yyyy`, as Rustavi writes dates in its registries. */
export function formatDate(iso: string): string {
  const { year, month, day } = dateParts(iso)
  return `${pad(day)}.${pad(month)}.${pad(year, 4)}`
}

/** Georgian "2019 წლის 20 დეკემბერი", English "20 December 2019": for printed documents. */
export function formatLongDate(iso: string, lang: 'ka' | 'en' = 'ka'): string {
  const { year, month, day } = dateParts(iso)
  return lang === 'ka'
    ? `${year} წლის ${day} ${monthNamesNominative[month - 1]}`
    : `${day} ${monthNamesEnglish[month - 1]} ${year}`
}

const TYPED_DATE = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/

/** 'dd.MM.yyyy', 'd.M.yyyy', 'dd/MM/yyyy' (matsne) or ISO, to ISO; null otherwise. Two-digit years are refused. */
export function parseDate(text: string): string | null {
  const s = text.trim()
  if (ISO_DATE.test(s)) return isIsoDate(s) ? s : null
  const m = TYPED_DATE.exec(s)
  if (!m) return null
  const iso = isoDateOf({ year: Number(m[4]), month: Number(m[3]), day: Number(m[1]) })
  return isIsoDate(iso) ? iso : null
}

/** Signed number of days from `isoA` to `isoB`. */
export function daysBetween(isoA: string, isoB: string): number {
  return dayNumber(dateParts(isoB)) - dayNumber(dateParts(isoA))
}

export function addDays(iso: string, n: number): string {
  return isoDateOf(fromDayNumber(dayNumber(dateParts(iso)) + n))
}

/** 2024-01-31 plus one month is 2024-02-29: the day is clamped to the end of the month. */
export function addMonths(iso: string, n: number): string {
  const { year, month, day } = dateParts(iso)
  const index = year * 12 + (month - 1) + n
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return isoDateOf({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) })
}

/** 1 = Monday … 7 = Sunday: the Georgian week starts on Monday. */
export function weekdayOf(iso: string): number {
  // 1970-01-01 was a Thursday
  return ((((dayNumber(dateParts(iso)) + 3) % 7) + 7) % 7) + 1
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i

function instantMs(at: string | number): number {
  if (typeof at === 'number') {
    if (!Number.isFinite(at)) throw new RangeError(`not a time: ${at}`)
    return at
  }
  // a timestamp without a zone would be read in the PC's own zone, so it is refused
  const ms = ISO_TIMESTAMP.test(at) ? Date.parse(at) : Number.NaN
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO timestamp with a zone: ${at}`)
  return ms
}

/** `dd.MM.yyyy HH:mm` in Tbilisi time, from an ISO timestamp with a zone (or epoch ms). */
export function formatDateTime(at: string | number): string {
  const local = instantMs(at) + TBILISI_OFFSET_MS
  const days = Math.floor(local / DAY_MS)
  const minutes = Math.floor((local - days * DAY_MS) / 60_000)
  return `${formatDate(isoDateOf(fromDayNumber(days)))} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** The calendar date in Tbilisi at an instant: "today" for deadlines, whatever the PC's zone. */
export function isoDateInTbilisi(at: string | number): string {
  return isoDateOf(fromDayNumber(Math.floor((instantMs(at) + TBILISI_OFFSET_MS) / DAY_MS)))
}
