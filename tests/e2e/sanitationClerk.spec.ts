import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { georgianToLatinLayout } from '../../domain/georgian/transliterate'
import { e2eToken, syncedPcPorts } from '../../playwright.config'
import { clean, inspect, type PageCheck } from './pageCheck'
import { passwords, shot, watchProblems } from './support'

// A clerk of the sanitation registry at the counter, on an enrolled PC (tests/e2e/syncedPcs.ts):
// receipt numbers come from the block the central server leases to the PC.

test('a clerk finds a household typed on a Latin layout, takes a payment and prints its receipt', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const problems = watchProblems(page)
  // Every screen is looked at as a person would: bundled fonts only, no raw keys, no capitals.
  const screens: Record<string, PageCheck> = {}
  const check = async (name: string) => {
    screens[name] = await inspect(page)
  }
  await page.goto(`http://127.0.0.1:${syncedPcPorts[0]}/#token=${e2eToken}`)
  await page.getByLabel('მომხმარებლის სახელი').fill('clerk')
  await page.getByLabel('პაროლი').fill(passwords.clerk)
  await page.getByRole('button', { name: 'შესვლა' }).click()
  await expect(page.getByRole('banner').getByText('სერვერთან კავშირი აქტიურია')).toBeVisible({
    timeout: 30_000,
  })

  // The payer list, largest arrears first, once the PC has received the registry.
  const nav = page.getByRole('navigation', { name: 'მთავარი მენიუ' })
  await nav.getByRole('button', { name: 'გადამხდელები' }).click()
  await expect(page.getByRole('heading', { name: 'დასუფთავების მოსაკრებლის გადამხდელები' })).toBeVisible()
  const table = page.getByRole('table', { name: 'გადამხდელები' })
  await expect(async () => {
    await page.reload()
    await expect(table.getByRole('row').nth(5)).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 40_000 })
  await page.getByLabel('გადამხდელის სახე').selectOption({ label: 'ოჯახი' })
  await expect(table.getByRole('row').nth(1)).toContainText('ოჯახი')
  await shot(page, 'sanitation-01-payers')
  await check('payers')

  // The first household's name, typed with the keyboard left on English.
  const name = (await table.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())!.trim()
  const surname = name.split(' ').at(-1)!
  const latin = georgianToLatinLayout(surname)
  expect(latin).toMatch(/^[A-Za-z]+$/)
  await page.getByLabel('ძიება').fill(latin)
  const row = table.getByRole('row').filter({ hasText: name }).first()
  await expect(row).toBeVisible()
  await shot(page, 'sanitation-02-found-by-latin-layout')

  // The payer's card: the account first.
  await row.click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await expect(page.getByText('დავალიანება ხანდაზმულობის მიხედვით')).toBeVisible()
  await shot(page, 'sanitation-03-card')
  const tabs = page.getByRole('tab')
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click()
    await expect(page.getByRole('tabpanel')).toBeVisible()
    await check(`card-tab-${i}`)
  }
  await tabs.first().click()

  // A payment of 12.50 GEL at the counter; the receipt number is the PC's next leased one.
  await page.getByRole('button', { name: 'გადახდის მიღება' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('თანხა').fill('12,50')
  await dialog.getByLabel('შენიშვნა').fill('სალაროში, ნაღდი ფულით')
  await shot(page, 'sanitation-04-payment-form')
  await check('payment-form')
  const receiptHeading = page.getByRole('heading', { name: /^ქვითარი №ქვ-\d{4}-\d{6}$/ })
  // The PC asks the server for its block of receipt numbers right after the clerk signs in.
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'გადახდის მიღება' }).click()
    await expect(receiptHeading).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const receiptNumber = (await receiptHeading.textContent())!.replace('ქვითარი №', '')
  const receipt = page.getByRole('article')
  await expect(receipt.getByText('თორმეტი ლარი და ორმოცდაათი თეთრი')).toBeVisible()
  await expect(receipt.getByText('12,50 ₾').first()).toBeVisible()
  await shot(page, 'sanitation-05-receipt')
  await check('receipt')

  // Printed as the browser prints it: only the A4 page, and its text reads back from the PDF.
  const dir = testInfo.outputPath()
  mkdirSync(dir, { recursive: true })
  const pdfPath = join(dir, 'receipt.pdf')
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  const pages = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  expect(pages).toMatch(/Pages:\s+1\n/)
  expect(pages).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/)
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(receiptNumber)
  expect(flat).toContain(name)
  expect(flat).toContain('თორმეტი ლარი და ორმოცდაათი თეთრი')
  expect(flat).toContain('12,50 ₾')
  expect(flat).toContain('რუსთავის მუნიციპალიტეტის მერია')
  expect(flat).toMatch(/საკრებულოს .*№.* დადგენილება/)
  // The app around the document is not printed.
  expect(flat).not.toContain('გადამხდელის ბარათი')
  expect(flat).not.toContain('მთავარი მენიუ')

  // Back on the card, the payment is there with its receipt.
  await page.getByRole('button', { name: 'გადამხდელის ბარათი' }).click()
  await expect(page.getByRole('tabpanel').getByText(receiptNumber)).toBeVisible()
  await shot(page, 'sanitation-06-payments')

  // The payer's notice for the last billed month: what is owed, in figures and in words.
  await page.getByRole('button', { name: /^გადახდის შეტყობინება \(\d{4}-\d{2}\)$/ }).click()
  const notice = page.getByRole('article')
  await expect(notice.getByText('შეტყობინება დასუფთავების მოსაკრებლის გადახდის შესახებ')).toBeVisible()
  await expect(notice.getByText('სულ გადასახდელი')).toBeVisible()
  await shot(page, 'sanitation-07-notice')
  await check('notice')

  // A territorial unit's notices for that month: one A4 page each, shown and printed a part at a time.
  await nav.getByRole('button', { name: 'გადახდის შეტყობინებები' }).click()
  await page.getByLabel('ტერიტორიული ერთეული').selectOption({ index: 1 })
  const count = page.getByRole('status').filter({ hasText: /^\d+ შეტყობინება$/ })
  await expect(count).toBeVisible({ timeout: 15_000 })
  const n = Number((await count.textContent())!.split(' ')[0])
  expect(n).toBeGreaterThan(0)
  // One part of at most 100 pages is on the screen and goes to the printer (the parts themselves:
  // tests/unit/renderer/noticeParts.test.ts).
  const shown = Math.min(n, 100)
  await page.getByLabel('ნაწილის ზომა').selectOption('100')
  await expect(page.getByLabel('ნაწილი', { exact: true })).toHaveValue('0')
  await expect(page.getByRole('article')).toHaveCount(shown)
  await expect(page.getByRole('button', { name: `ბეჭდვა: გვერდები 1–${shown}` })).toBeVisible()
  await expect(page.getByRole('button', { name: 'შემდეგი ნაწილი' })).toHaveCount(n > 100 ? 1 : 0)
  await shot(page, 'sanitation-08-notice-batch')
  await check('notice-batch')
  const batchPath = join(dir, 'notices.pdf')
  writeFileSync(batchPath, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
  expect(execFileSync('pdfinfo', [batchPath], { encoding: 'utf8' })).toMatch(
    new RegExp(`Pages:\\s+${shown}\n`),
  )

  // The same screens in English (the documents stay Georgian).
  await page.getByText('English', { exact: true }).click()
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Payers' }).click()
  await expect(page.getByRole('heading', { name: 'Sanitation fee payers' })).toBeVisible()
  const tableEn = page.getByRole('table', { name: 'Payers' })
  await page.getByLabel('Search').fill(latin)
  await tableEn.getByRole('row').filter({ hasText: name }).first().click()
  await expect(page.getByRole('tab', { name: 'Account' })).toBeVisible()
  await shot(page, 'sanitation-09-card-en')
  await check('card-en')

  expect(screens).toEqual(Object.fromEntries(Object.keys(screens).map((key) => [key, clean])))
  expect(problems).toEqual([])
})
