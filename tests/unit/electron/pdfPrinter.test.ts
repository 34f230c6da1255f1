import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPdfPrinter, type PrintableContents } from '../../../electron/main/pdfPrinter'
import { tempDir } from '../../support/tempStore'

describe('the desktop PDF printer', () => {
  const dirs: (() => void)[] = []
  afterEach(() => {
    for (const remove of dirs.splice(0)) remove()
  })

  it('prints the calling window as A4, saves the PDF under a new name each time and opens it', async () => {
    const { dir, remove } = tempDir('rustavi-print-')
    dirs.push(remove)
    const asked: unknown[] = []
    const window: PrintableContents = {
      printToPDF: async (options) => {
        asked.push(options)
        return new TextEncoder().encode(`%PDF-1.7 page ${asked.length}`)
      },
    }
    const opened: string[] = []
    const print = createPdfPrinter({
      contentsOf: (id) => (id === 7 ? window : null),
      outputDir: join(dir, 'printed'),
      openPath: async (path) => {
        opened.push(path)
        return ''
      },
    })
    const first = await print('ipc:7', 'ქვითარი receipt-2026-501')
    const second = await print('ipc:7', 'ქვითარი receipt-2026-501')
    expect(first).toBe(join(dir, 'printed', 'ქვითარი receipt-2026-501.pdf'))
    expect(second).toBe(join(dir, 'printed', 'ქვითარი receipt-2026-501 (2).pdf'))
    expect(readFileSync(first, 'utf8')).toBe('%PDF-1.7 page 1')
    expect(readFileSync(second, 'utf8')).toBe('%PDF-1.7 page 2')
    expect(opened).toEqual([first, second])
    expect(asked[0]).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
  })

  it('refuses a session that is no window of ours', async () => {
    const print = createPdfPrinter({
      contentsOf: () => null,
      outputDir: '/nonexistent',
      openPath: async () => '',
    })
    await expect(print('ipc:3', 'x')).rejects.toThrow('No window to print')
    await expect(print('web:abc', 'x')).rejects.toThrow('No window to print')
  })
})
