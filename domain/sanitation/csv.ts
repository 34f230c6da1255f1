// RFC 4180 CSV on already-decoded text: fields separated by a delimiter, records by CRLF or LF;
// a field in double quotes may hold delimiters, line breaks and doubled quotes (""). A byte-order
// mark is dropped. Blank records (an empty line) are skipped.

export interface CsvRecord {
  /** The text line the record starts on, counting from 1 (what a clerk sees in an editor). */
  line: number
  fields: string[]
}

export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; problem: 'unclosedQuote' | 'textAfterQuote' }

export function parseCsv(text: string, delimiter = ','): CsvResult {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`not a CSV delimiter: ${JSON.stringify(delimiter)}`)
  }
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0
  /** The current field was quoted (so `""` is a field, not an empty line). */
  let quoted = false
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push({ line: recordLine, fields })
    fields = []
    field = ''
    quoted = false
  }
  while (i < s.length) {
    const ch = s[i]!
    if (ch === '"' && field === '' && !quoted) {
      // a quoted field: up to the next lone quote
      const quoteLine = line
      i++
      for (;;) {
        if (i >= s.length) return { ok: false, line: quoteLine, problem: 'unclosedQuote' }
        const c = s[i]!
        if (c === '"') {
          if (s[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (c === '\n') line++
        field += c
        i++
      }
      quoted = true
      const next = s[i]
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return { ok: false, line, problem: 'textAfterQuote' }
      }
      continue
    }
    if (ch === delimiter) {
      fields.push(field)
      field = ''
      quoted = false
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1
      line++
      recordLine = line
      continue
    }
    field += ch
    i++
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord()
  return { ok: true, records }
}
