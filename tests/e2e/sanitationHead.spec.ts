import { expect, test } from '@playwright/test'
import { isoDateInTbilisi } from '../../domain/georgian/dates'
import { periodOfDate } from '../../domain/sanitation/period'
import { demoHouseholds, firstUnitName, joinSanitation } from './sanitationStore'
import { shot, signIn, unique, watchProblems } from './support'

const monthsKa = [
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
]

test.beforeAll(() => joinSanitation(['clerk', 'head']))

test('a head previews and runs the monthly billing for one territorial unit, and sees the collection reports', async ({
  page,
}) => {
  const problems = watchProblems(page)
  const period = periodOfDate(isoDateInTbilisi(Date.now()))
  const periodName = `${monthsKa[Number(period.slice(5)) - 1]} ${period.slice(0, 4)}`
  const unit = firstUnitName()

  await signIn(page, 'head')
  await page.getByRole('button', { name: 'დასუფთავების მოსაკრებლის დარიცხვა' }).click()
  await expect(
    page.getByRole('heading', { name: 'დასუფთავების მოსაკრებლის ყოველთვიური დარიცხვა' }),
  ).toBeVisible()
  // The demo billed the last twelve months: its runs are listed.
  await expect(page.getByRole('table', { name: 'ჩატარებული დარიცხვები' }).getByRole('row')).toHaveCount(13)

  await page.getByRole('combobox', { name: 'ტერიტორიული ერთეული' }).click()
  await page.getByRole('option', { name: unit }).click()
  await page.getByRole('button', { name: 'წინასწარი შედეგის ნახვა' }).click()
  await expect(page.getByRole('heading', { name: `წინასწარი შედეგი: ${periodName}` })).toBeVisible()
  await expect(page.getByText('ახალი ჩანაწერები')).toBeVisible()
  await shot(page, 'sanitation-head-01-billing-preview')

  await page.getByRole('button', { name: 'დარიცხვის დაწყება' }).click()
  const dialog = page.getByRole('dialog', { name: 'დარიცხვის დაწყება' })
  await expect(dialog.getByText(`${periodName} პერიოდზე ჩაიწერება`)).toBeVisible()
  await shot(page, 'sanitation-head-02-billing-confirm')
  await dialog.getByRole('button', { name: 'დარიცხვის დაწყება' }).click()
  const finished = page.getByRole('status').filter({ hasText: 'დარიცხვა დასრულდა' })
  await expect(finished).toBeVisible()
  const lineCount = /(\d+) ჩანაწერი/.exec((await finished.textContent()) ?? '')?.[1]
  expect(Number(lineCount)).toBeGreaterThan(0)
  const runs = page.getByRole('table', { name: 'ჩატარებული დარიცხვები' })
  const newRun = runs.getByRole('row').filter({ hasText: periodName })
  await expect(newRun).toContainText(unit)
  await expect(newRun).toContainText('დასრულებული')
  await shot(page, 'sanitation-head-03-billing-finished')

  // A second preview of the same unit: nothing is left to charge (no double charge).
  await page.getByRole('button', { name: 'წინასწარი შედეგის ნახვა' }).click()
  await expect(page.getByText('ამ პერიოდსა და ერთეულზე დასარიცხი აღარაფერი დარჩა.')).toBeVisible()

  // The reports: billed vs collected by month, with its chart drawn.
  await page.getByRole('button', { name: 'დასუფთავების ანგარიშგება' }).click()
  await expect(
    page.getByRole('heading', { name: 'დარიცხული და გადახდილი თანხა თვეების მიხედვით' }),
  ).toBeVisible()
  const chart = page.getByRole('img', { name: 'დიაგრამა: დარიცხული და გადახდილი თანხა თვეების მიხედვით' })
  await expect(chart.locator('svg')).toBeVisible()
  await expect(chart.locator('svg text').filter({ hasText: 'დარიცხული' }).first()).toBeVisible()
  const monthly = page.getByRole('table', { name: 'დარიცხული და გადახდილი თანხა თვეების მიხედვით' })
  await expect(monthly.getByRole('row').filter({ hasText: periodName })).toBeVisible()
  await expect(
    page.getByRole('img', { name: 'დიაგრამა: ამოღების დონე ტერიტორიული ერთეულების მიხედვით' }).locator('svg'),
  ).toBeVisible()
  await shot(page, 'sanitation-head-04-reports')

  // Every table downloads as Excel.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Excel-ში ჩამოტვირთვა: უდიდესი მოვალეები' }).click()
  expect((await download).suggestedFilename()).toMatch(/^უდიდესი მოვალეები .*\.xlsx$/)

  // The run is reversed as a whole, with a reason: refused without one.
  await page.getByRole('button', { name: 'დასუფთავების მოსაკრებლის დარიცხვა' }).click()
  await page
    .getByRole('table', { name: 'ჩატარებული დარიცხვები' })
    .getByRole('button', { name: `${periodName} პერიოდის დარიცხვის გაუქმება` })
    .click()
  const reverse = page.getByRole('dialog', { name: 'დარიცხვის გაუქმება' })
  await reverse.getByRole('button', { name: 'დარიცხვის გაუქმება' }).click()
  await expect(reverse.getByText('სავალდებულო ველი')).toBeVisible()
  await reverse.getByLabel('გაუქმების მიზეზი').fill('ტარიფი შეცდომით იყო მითითებული')
  await shot(page, 'sanitation-head-05-reverse')
  await reverse.getByRole('button', { name: 'დარიცხვის გაუქმება' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `დარიცხვა გაუქმდა: ${lineCount} ჩანაწერი` }),
  ).toBeVisible()
  await expect(
    page
      .getByRole('table', { name: 'ჩატარებული დარიცხვები' })
      .getByRole('row')
      .filter({ hasText: periodName }),
  ).toContainText('გაუქმებული')
  expect(problems).toEqual([])
})

test('a clerk imports a bank statement with unmatched rows and resolves one by hand', async ({ page }) => {
  const problems = watchProblems(page)
  const n = unique()
  const [a, b, c] = demoHouseholds(3)
  const yesterday = isoDateInTbilisi(Date.now() - 86_400_000)
  const day = `${yesterday.slice(8, 10)}.${yesterday.slice(5, 7)}.${yesterday.slice(0, 4)}`
  const csv = [
    'თარიღი,ტრანზაქციის ID,გადამხდელის კოდი,თანხა,გადამხდელი',
    `${day},E2E-${n}-1,${a!.paymentCode},"12,40",${a!.name}`,
    `${day},E2E-${n}-2,${b!.paymentCode},"7,00",${b!.name}`,
    `${day},E2E-${n}-3,9999999999,"5,00",უცნობი გადამხდელი`,
    `${day},E2E-${n}-4,${b!.paymentCode},"-3,00",${b!.name}`,
  ].join('\n')

  await signIn(page, 'clerk')
  await page.getByRole('button', { name: 'საბანკო ამონაწერები' }).click()
  await expect(page.getByRole('heading', { name: 'საბანკო ამონაწერის იმპორტი' })).toBeVisible()
  await page.locator('#bank-file').setInputFiles({
    name: `tbc-${n}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await expect(page.getByRole('textbox', { name: 'გადამხდელის კოდი' })).toHaveValue('გადამხდელის კოდი')
  await page.getByRole('button', { name: 'შემოწმება' }).click()
  const lines = page.getByRole('table', { name: 'ამონაწერის სტრიქონები' })
  await expect(lines.getByRole('row')).toHaveCount(5)
  await expect(lines.getByRole('row').nth(3)).toContainText('დაუდგენელი')
  await expect(lines.getByRole('row').nth(4)).toContainText('თანხა უარყოფითია')
  await shot(page, 'sanitation-clerk-01-bank-dry-run')

  await page.getByRole('button', { name: 'იმპორტის დადასტურება' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'იმპორტის დადასტურება' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'იმპორტი დასრულდა: ჩაიწერა 2 გადახდა' }),
  ).toBeVisible()

  const queue = page.getByRole('table', { name: 'განსახილველი სტრიქონები' })
  const row = queue.getByRole('row').filter({ hasText: `tbc-${n}.csv` })
  await expect(row).toContainText('9999999999')
  await row.getByRole('combobox').fill(c!.name)
  await page.getByRole('option', { name: new RegExp(c!.paymentCode) }).click()
  await shot(page, 'sanitation-clerk-02-bank-queue')
  await row.getByRole('button', { name: 'მიკუთვნება' }).click()
  await expect(page.getByRole('status').filter({ hasText: `გადახდა მიეკუთვნა: ${c!.name}` })).toBeVisible()
  await expect(queue.getByRole('row').filter({ hasText: `tbc-${n}.csv` })).toHaveCount(0)
  await shot(page, 'sanitation-clerk-03-bank-resolved')
  expect(problems).toEqual([])
})
