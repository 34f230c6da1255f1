import { expect, test } from '@playwright/test'
import { shot, signIn, watchProblems } from './support'

// The head of the sanitation service edits a bank statement format: the reference data screen, the
// column mapping changed by header text and by position, tried live on a sample statement.

const header = 'თარიღი,ტრანზაქციის ID,გადამხდელი,გადამხდელის კოდი,თანხა'
const sample = (amountHeader: string) =>
  Buffer.from(
    [
      header.replace('თანხა', amountHeader),
      '02.03.2026,TX-1,ნინო ბერიძე,1000000011,"12,40"',
      '03.03.2026,TX-2,შპს ოდა,2000000075,"1 234,50"',
      '04.03.2026,TX-3,გიორგი,1000000029,თორმეტი',
      '05.03.2026,TX-4,თამარ,1000000037,"7,00"',
      '06.03.2026,TX-5,ლევანი,1000000045,"3,15"',
      '07.03.2026,TX-6,მარიამი,1000000052,"9,99"',
    ].join('\n'),
  )

test('the head maps a bank format by header text and by position, trying it on a sample statement', async ({
  page,
}) => {
  const problems = watchProblems(page)
  await signIn(page, 'head')
  await page.getByRole('button', { name: 'დასუფთავების ცნობარები' }).click()
  await expect(page.getByRole('heading', { name: 'დასუფთავების მოსაკრებლის ცნობარები' })).toBeVisible()
  const formats = page.getByRole('table', { name: 'საბანკო ამონაწერის ფორმატები' })
  await expect(formats.getByRole('row')).toHaveCount(4)
  await expect(page.getByRole('table', { name: 'საქმიანობის კატეგორიები' }).getByRole('row')).toHaveCount(13)
  await expect(page.getByRole('table', { name: 'სოციალური ქულის ჯგუფები' }).getByRole('row')).toHaveCount(3)
  await shot(page, 'sanref-01-reference-data')

  await page.getByRole('button', { name: 'რედაქტირება: თიბისი ბანკი, ამონაწერი (CSV)' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('აირჩიეთ ბანკის ამონაწერის ფაილი')).toBeVisible()

  // The statement as the format expects it: five rows read, the one with an amount in words flagged.
  await dialog.locator('#bank-format-sample').setInputFiles({
    name: 'tbc-march.csv',
    mimeType: 'text/csv',
    buffer: sample('თანხა'),
  })
  const read = dialog.getByRole('table', { name: 'შესაბამისობით წაკითხული' })
  await expect(read.getByRole('row')).toHaveCount(6)
  await expect(dialog.getByText('სტრიქონები ფაილში: 6')).toBeVisible()
  await expect(read.getByRole('row').filter({ hasText: 'TX-3' }).getByText('თანხა არასწორია')).toBeVisible()
  await expect(read.getByRole('row').filter({ hasText: 'TX-2' })).toContainText('1 234,50')

  // The bank renamed the amount column: the file lacks it, and the preview says which.
  await dialog.locator('#bank-format-sample').setInputFiles({
    name: 'tbc-april.csv',
    mimeType: 'text/csv',
    buffer: sample('ჩარიცხული თანხა'),
  })
  await expect(dialog.getByRole('alert').getByText('ფაილს აკლია ფორმატში მითითებული სვეტი')).toBeVisible()
  await expect(dialog.getByRole('alert').getByText('თანხა', { exact: true })).toBeVisible()
  await shot(page, 'sanref-02-missing-column')

  // Mapped by its position instead (the fifth column), the rows read again.
  await dialog.getByLabel('თანხა: როგორ მოიძებნოს სვეტი').selectOption({ label: 'რიგითი ნომრით' })
  await dialog.getByLabel('თანხა: სვეტის №').fill('5')
  await expect(read.getByRole('row')).toHaveCount(6)
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  // And the payer's name is not taken from the file at all.
  await dialog
    .getByLabel('გადამხდელის სახელი: როგორ მოიძებნოს სვეტი')
    .selectOption({ label: 'ფაილში არ არის' })
  await expect(read.getByRole('row').filter({ hasText: 'TX-1' })).not.toContainText('ნინო ბერიძე')
  await shot(page, 'sanref-03-mapped-by-position')

  await dialog.getByRole('button', { name: 'შენახვა' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const tbcRow = formats.getByRole('row').filter({ hasText: 'tbcCsv' })
  await expect(tbcRow).toContainText('თანხა: სვეტი №5')
  await expect(tbcRow).toContainText('გადამხდელის სახელი: —')

  // A format no longer used is retired, not deleted.
  await page.getByRole('button', { name: 'ხმარებიდან ამოღება: სახელმწიფო ხაზინა, ჩარიცხვები (CSV)' }).click()
  await expect(formats.getByRole('row').filter({ hasText: 'treasuryCsv' })).toContainText('ამოღებულია')
  await shot(page, 'sanref-04-saved')

  // In English, the same screen names items by their English names.
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Sanitation fee reference data' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Bank statement formats' })).toContainText(
    'TBC Bank statement (CSV)',
  )
  await shot(page, 'sanref-05-english')
  await page.getByText('ქართული', { exact: true }).click()
  const missing = await page.evaluate(
    () => (window as unknown as { __missingI18nKeys?: string[] }).__missingI18nKeys ?? [],
  )
  expect(missing).toEqual([])
  expect(problems).toEqual([])
})
