import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  daysBetween,
  formatDate,
  formatDateTime,
  formatLongDate,
  IsoDate,
  isoDateInTbilisi,
  monthNamesGenitive,
  monthNamesNominative,
  parseDate,
  weekdayOf,
} from '../../../domain/georgian'

/** Any real date from 1900-01-01 to 2100-12-31, built independently of the code under test. */
const isoDates = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe('IsoDate', () => {
  it.each(['2024-02-29', '1900-01-01', '2100-12-31', '2000-02-29'])('accepts %s', (iso) => {
    expect(IsoDate.parse(iso)).toBe(iso)
  })

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '1899-12-31',
    '2101-01-01',
    '2024-1-5',
    '05.01.2024',
    '2024-01-05T00:00:00Z',
  ])('refuses %s', (iso) => {
    expect(IsoDate.safeParse(iso).error?.issues[0]?.message).toBe('georgian.date.invalid')
  })
})

describe('formatDate and parseDate', () => {
  it('writes dd.MM.yyyy', () => {
    expect(formatDate('2006-12-21')).toBe('21.12.2006')
    expect(formatDate('2024-03-05')).toBe('05.03.2024')
  })

  it.each([
    ['21.12.2006', '2006-12-21'],
    ['5.3.2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['21/05/2020', '2020-05-21'],
    [' 1/1/2000 ', '2000-01-01'],
    ['2024-03-05', '2024-03-05'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso)
  })

  it.each([
    '31.02.2024',
    '29.02.2023',
    '05.03.24',
    '05.03/2024',
    '5-3-2024',
    'today',
    '',
    '01.01.1899',
    '2023-02-29',
  ])('refuses %j', (text) => {
    expect(parseDate(text)).toBeNull()
  })

  it('round-trips every date', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        expect(parseDate(formatDate(iso))).toBe(iso)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('formatDateTime', () => {
  it('shows Tbilisi time (UTC+4) whatever zone the timestamp was written in', () => {
    expect(formatDateTime('2024-03-05T08:07:00Z')).toBe('05.03.2024 12:07')
    expect(formatDateTime('2024-12-31T21:30:00.000Z')).toBe('01.01.2025 01:30')
    expect(formatDateTime('2024-07-01T10:00:00+02:00')).toBe('01.07.2024 12:00')
    expect(formatDateTime(Date.UTC(2024, 0, 1, 0, 0))).toBe('01.01.2024 04:00')
  })

  it('refuses a timestamp without a zone, which would be read in the PC zone', () => {
    expect(() => formatDateTime('2024-03-05 08:07:00')).toThrow(RangeError)
    expect(() => formatDateTime('2024-03-05T08:07:00')).toThrow(RangeError)
  })

  it('agrees with the Asia/Tbilisi time zone of the ICU data', () => {
    const tbilisi = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Tbilisi',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    const byIcu = (ms: number) => {
      const p = Object.fromEntries(tbilisi.formatToParts(ms).map((part) => [part.type, part.value]))
      return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`
    }
    // Georgia has kept UTC+4 without daylight saving since 2005
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2006, 0, 1), max: Date.UTC(2037, 11, 31) }), (ms) => {
        expect(formatDateTime(new Date(ms).toISOString())).toBe(byIcu(ms))
      }),
      { numRuns: 500 },
    )
  })

  it('gives the Tbilisi calendar date', () => {
    expect(isoDateInTbilisi('2024-03-05T19:59:59Z')).toBe('2024-03-05')
    expect(isoDateInTbilisi('2024-03-05T20:00:00Z')).toBe('2024-03-06')
  })
})

describe('date arithmetic', () => {
  it('counts days, across leap years and in both directions', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
    expect(daysBetween('1900-01-01', '2100-12-31')).toBe(73_413)
  })

  it('adds days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2024-01-10', 0)).toBe('2024-01-10')
  })

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15')
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15')
  })

  it('addDays and daysBetween agree with each other and with the UTC calendar', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -20_000, max: 20_000 }), (iso, n) => {
        const later = addDays(iso, n)
        expect(daysBetween(iso, later)).toBe(n)
        const expected = new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
        expect(later).toBe(expected)
      }),
    )
  })

  it('addMonths never overflows into the next month', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -240, max: 240 }), (iso, n) => {
        const result = addMonths(iso, n)
        const [y, m] = iso.split('-').map(Number) as [number, number]
        const index = y * 12 + m - 1 + n
        expect(result.slice(0, 7)).toBe(
          `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`,
        )
      }),
    )
  })

  it('numbers weekdays from Monday', () => {
    expect(weekdayOf('2024-03-04')).toBe(1)
    expect(weekdayOf('2024-03-10')).toBe(7)
    expect(weekdayOf('1970-01-01')).toBe(4)
    expect(weekdayOf('1900-01-01')).toBe(1)
  })
})

describe('month names', () => {
  it('has the nominative and the genitive of every month', () => {
    expect(monthNamesNominative).toHaveLength(12)
    expect(monthNamesGenitive).toHaveLength(12)
    expect(monthNamesNominative[0]).toBe('იანვარი')
    expect(monthNamesGenitive[0]).toBe('იანვრის')
    expect(monthNamesGenitive[11]).toBe('დეკემბრის')
  })

  it('writes the long date of printed documents', () => {
    expect(formatLongDate('2019-12-20')).toBe('2019 წლის 20 დეკემბერი')
    expect(formatLongDate('2019-12-20', 'en')).toBe('20 December 2019')
  })
})
