import { z } from 'zod'
import { ShortText } from '../text'
import { ReferenceCode } from './referenceData'

// How a bank's statement file is laid out: which column holds what. Administrators add a format
// when a bank changes its export; nothing about a bank is hard-coded in the reader.

/** A column by its header text (as the bank writes it) or by its position, counting from 1. */
export const ColumnRef = z.union([
  z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  z.number().int().min(1).max(200),
])
export type ColumnRef = z.infer<typeof ColumnRef>

export const BankDateFormat = z.enum(['dd.MM.yyyy', 'dd/MM/yyyy', 'yyyy-MM-dd'])
export type BankDateFormat = z.infer<typeof BankDateFormat>

/** Which column holds what: the payer's code, the amount and the date are required. */
export const BankColumns = z
  .object({
    payerCode: ColumnRef,
    amount: ColumnRef,
    date: ColumnRef,
    reference: ColumnRef.nullable(),
    payerName: ColumnRef.nullable(),
  })
  .strict()
export type BankColumns = z.infer<typeof BankColumns>

export const BankFileFormatFields = z
  .object({
    code: ReferenceCode,
    nameKa: ShortText,
    nameEn: ShortText,
    delimiter: z.enum([',', ';', '\t']),
    /** Lines before the header (a bank's title, the account number). */
    skipLines: z.number().int().min(0).max(50),
    /** Without a header row, columns can only be named by position. */
    hasHeader: z.boolean(),
    columns: BankColumns,
    dateFormat: BankDateFormat,
    /** Amounts written in lari with a decimal part ('12,40'), or in whole tetri ('1240'). */
    amountUnit: z.enum(['lari', 'tetri']),
  })
  .strict()

/** Without a header row, every column must be named by its position. */
export function checkBankColumns(
  format: { hasHeader: boolean; columns: BankColumns },
  ctx: z.RefinementCtx,
): void {
  if (format.hasHeader) return
  for (const [name, ref] of Object.entries(format.columns)) {
    if (typeof ref === 'string') {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', name],
        message: 'sanitation.bankFormat.needsPosition',
      })
    }
  }
}

export const BankFileFormat = BankFileFormatFields.superRefine(checkBankColumns)
export type BankFileFormat = z.infer<typeof BankFileFormatFields>

/**
 * Starting formats (default: laid out like the statements Georgian banks export, to be checked
 * against a real file of each bank before use).
 */
export const defaultBankFileFormats: readonly BankFileFormat[] = [
  {
    code: 'tbcCsv',
    nameKa: 'თიბისი ბანკი, ამონაწერი (CSV)',
    nameEn: 'TBC Bank statement (CSV)',
    delimiter: ',',
    skipLines: 0,
    hasHeader: true,
    columns: {
      payerCode: 'გადამხდელის კოდი',
      amount: 'თანხა',
      date: 'თარიღი',
      reference: 'ტრანზაქციის ID',
      payerName: 'გადამხდელი',
    },
    dateFormat: 'dd.MM.yyyy',
    amountUnit: 'lari',
  },
  {
    code: 'bogCsv',
    nameKa: 'საქართველოს ბანკი, ამონაწერი (CSV)',
    nameEn: 'Bank of Georgia statement (CSV)',
    delimiter: ';',
    skipLines: 2,
    hasHeader: true,
    columns: {
      payerCode: 'დანიშნულება',
      amount: 'ჩარიცხული თანხა',
      date: 'საბუთის თარიღი',
      reference: 'საბუთის ნომერი',
      payerName: 'გადამხდელის დასახელება',
    },
    dateFormat: 'dd/MM/yyyy',
    amountUnit: 'lari',
  },
  {
    code: 'treasuryCsv',
    nameKa: 'სახელმწიფო ხაზინა, ჩარიცხვები (CSV)',
    nameEn: 'State Treasury receipts (CSV)',
    delimiter: ',',
    skipLines: 0,
    hasHeader: false,
    columns: { payerCode: 3, amount: 4, date: 1, reference: 2, payerName: 5 },
    dateFormat: 'yyyy-MM-dd',
    amountUnit: 'tetri',
  },
]
