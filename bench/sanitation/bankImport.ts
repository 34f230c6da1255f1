import Database from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { csvFileTable } from '../../db/sanitation/bankFileTable'
import { confirmBankImport } from '../../db/sanitation/bankImport'
import { defaultBankFileFormats } from '../../domain/sanitation/bankFileFormat'
import type { BenchContext } from '../context'
import { formatCount, median, type Outcome, report } from '../stats'
import { sanitationStore } from './store'

const ROUNDS = 3
const ROWS = 10_000
const actor = { userId: 'bench-clerk', userName: 'Bench Clerk' }
const format = defaultBankFileFormats.find((f) => f.code === 'tbcCsv')!

/**
 * Importing a bank statement of 10,000 payments: decoding, reading, checking and matching every row
 * against 50,000 payers, then the import, its rows and a payment per matched row written through the
 * write path in one transaction; against splitting the same file, a Map lookup of each code and the
 * same rows, outbox rows and history rows inserted with plain SQL.
 */
export function sanitationBankImportBenchmark(ctx: BenchContext): Outcome {
  const times: number[] = []
  const rawTimes: number[] = []
  let matched = 0
  for (let round = 0; round < ROUNDS; round++) {
    const store = sanitationStore(ctx)
    const csv = statement(store.db.$client, store.today, round)
    try {
      const start = performance.now()
      const done = confirmBankImport(
        store.db,
        store.write,
        actor,
        { fileName: `bench-${round}.csv`, table: csvFileTable(Buffer.from(csv), format), format },
        { today: store.today, at: store.now },
      )
      times.push(performance.now() - start)
      matched = done.counts.matched
    } finally {
      store.dispose()
    }
    const rawStore = sanitationStore(ctx)
    rawStore.db.$client.close()
    try {
      rawTimes.push(rawImport(rawStore.file, csv, store.now.toISOString()))
    } finally {
      rawStore.dispose()
    }
  }
  return report(
    `sanitation bank import: ${formatCount(ROWS)} payments`,
    [{ label: 'dry run + confirm (match + write), median', value: median(times), target: 5_000 }],
    { label: 'raw split + Map lookup + INSERTs, median', value: median(rawTimes) },
    [
      `${formatCount(matched)} of ${formatCount(ROWS)} rows matched per run; ${ROUNDS} rounds, each on a fresh copy`,
      `rounds: ${times.map((t) => t.toFixed(0)).join(', ')} ms; raw: ${rawTimes.map((t) => t.toFixed(0)).join(', ')} ms`,
    ],
  )
}

/** A TBC-style statement: mostly payment codes, some personal numbers, some unknown codes. */
function statement(client: Database.Database, today: string, round: number): string {
  const payers = client
    .prepare(
      'SELECT payment_code AS code, personal_number AS pn FROM sanitation_payer ORDER BY random() LIMIT ?',
    )
    .all(ROWS) as { code: string; pn: string | null }[]
  const [y, m, d] = today.split('-')
  const date = `${d}.${m}.${y}`
  const lines = ['თარიღი,ტრანზაქციის ID,გადამხდელის კოდი,თანხა,გადამხდელი']
  payers.forEach((p, i) => {
    const code = i % 50 === 0 ? '1999999990' : i % 40 === 0 && p.pn ? p.pn : p.code
    const tetri = 500 + ((i * 37) % 5_000)
    lines.push(
      `${date},B${round}-${i},${code},"${Math.floor(tetri / 100)},${String(tetri % 100).padStart(2, '0')}",გადამხდელი ${i}`,
    )
  })
  return lines.join('\n')
}

function rawImport(file: string, csv: string, at: string): number {
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  const byCode = new Map(
    (
      raw.prepare('SELECT payment_code AS code, id FROM sanitation_payer').all() as {
        code: string
        id: string
      }[]
    ).map((p) => [p.code, p.id]),
  )
  const insertLine = raw.prepare(
    `INSERT INTO sanitation_bank_import_line (id, version, field_versions, created_at, updated_at, updated_by,
       import_id, row_number, status, problems, payer_code_text, payer_id, amount_tetri, paid_on, reference,
       payer_name, line_key, payment_id, resolved_by)
     VALUES (?, 1, '{}', ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  )
  const insertPayment = raw.prepare(
    `INSERT INTO sanitation_payment (id, version, field_versions, created_at, updated_at, updated_by, payer_id,
       channel, amount_tetri, paid_on, receipt_number, bank_reference, bank_import_line_id, note)
     VALUES (?, 1, '{}', ?, ?, ?, ?, 'bank', ?, ?, NULL, ?, ?, '')`,
  )
  const insertOutbox = raw.prepare(
    `INSERT INTO outbox (seq, mutation_id, entity, row_id, op, fields, base_versions, hlc, user_id, created_at)
     VALUES (?, ?, ?, ?, 'insert', ?, '{}', ?, ?, ?)`,
  )
  const insertHistory = raw.prepare(
    `INSERT INTO record_history (mutation_id, entity, row_id, subject_id, op, changes, user_id, user_name, at, hlc)
     VALUES (?, ?, ?, ?, 'insert', ?, ?, ?, ?, ?)`,
  )
  const start = performance.now()
  raw.transaction(() => {
    const importId = uuidv7()
    let seq = 0
    const logged = (entity: string, id: string, subject: string, values: object) => {
      seq += 1
      const mutation = uuidv7()
      const json = JSON.stringify(values)
      const hlc = String(seq).padStart(16, '0')
      insertOutbox.run(seq, mutation, entity, id, json, hlc, actor.userId, at)
      insertHistory.run(mutation, entity, id, subject, json, actor.userId, actor.userName, at, hlc)
    }
    const rows = csv.split('\n').slice(1)
    raw
      .prepare(
        `INSERT INTO sanitation_bank_import (id, version, field_versions, created_at, updated_at, updated_by,
           format_code, file_name, fingerprint, state, line_count, matched_count, matched_tetri, imported_by,
           imported_at, confirmed_at)
         VALUES (?, 1, '{}', ?, ?, ?, 'tbcCsv', 'raw.csv', '0000000000000000', 'confirmed', ?, 0, 0, ?, ?, ?)`,
      )
      .run(importId, at, at, actor.userId, rows.length, actor.userName, at, at)
    rows.forEach((row, i) => {
      const cells = row.split(',')
      const [d, m, y] = cells[0]!.split('.')
      const paidOn = `${y}-${m}-${d}`
      const amount = Number(cells[3]!.replace('"', '')) * 100 + Number(cells[4]!.replace('"', ''))
      const payerId = byCode.get(cells[2]!) ?? null
      const lineId = uuidv7()
      const paymentId = payerId ? uuidv7() : null
      const key = `tbcCsv/ref/${cells[1]}`
      insertLine.run(
        lineId,
        at,
        at,
        actor.userId,
        importId,
        i + 2,
        payerId ? 'matched' : 'unmatched',
        cells[2],
        payerId,
        amount,
        paidOn,
        cells[1],
        cells[5],
        key,
        paymentId,
      )
      logged('sanitationBankImportLine', lineId, importId, { payerId, amount, paidOn, key })
      if (payerId && paymentId) {
        insertPayment.run(paymentId, at, at, actor.userId, payerId, amount, paidOn, key, lineId)
        logged('sanitationPayment', paymentId, payerId, { payerId, amount, paidOn, key })
      }
    })
  })()
  const ms = performance.now() - start
  raw.close()
  return ms
}
