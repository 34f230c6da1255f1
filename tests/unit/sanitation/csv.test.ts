import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../domain/sanitation/csv'

const fieldsOf = (text: string, d = ',') => {
  const r = parseCsv(text, d)
  if (!r.ok) throw new Error(`${r.problem} at ${r.line}`)
  return r.records.map((x) => x.fields)
}

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, CRLF or LF', () => {
    expect(fieldsOf('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\r\nlines', ''],
    ])
  })
  it('keeps empty fields, skips empty lines, drops a byte-order mark, reads the last line without a break', () => {
    expect(fieldsOf('\ufeffა,,ბ\n\n,\n""\nბოლო')).toEqual([['ა', '', 'ბ'], ['', ''], [''], ['ბოლო']])
  })
  it('uses the delimiter it is given', () => {
    expect(fieldsOf('1;"2;3";4', ';')).toEqual([['1', '2;3', '4']])
    expect(fieldsOf('1\t2', '\t')).toEqual([['1', '2']])
  })
  it('tells the line each record starts on', () => {
    const r = parseCsv('a\n"b\nc"\nd')
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 4])
  })
  it('reports an unclosed quote and text after a closing quote with their line', () => {
    expect(parseCsv('a\n"b,c\nd')).toEqual({ ok: false, line: 2, problem: 'unclosedQuote' })
    expect(parseCsv('a\n"b"c,d')).toEqual({ ok: false, line: 2, problem: 'textAfterQuote' })
    expect(() => parseCsv('a', '"')).toThrow(RangeError)
  })
  it('reads back whatever a writer that quotes every field wrote', () => {
    const quote = (f: string) => `"${f.replaceAll('"', '""')}"`
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom('\r\n', '\n'),
        (rows, eol) => {
          const text = rows.map((r) => r.map(quote).join(',')).join(eol)
          expect(fieldsOf(text)).toEqual(rows)
        },
      ),
    )
  })
})
