import { expect, test } from '@playwright/test'
import { shot, signIn, unique, watchProblems } from './support'

// The demo head answers for sanitation too: the sidebar leads to the tariffs and inspections screens.

/** The month a year before this one, as the period fields take it (yyyy-mm). */
const yearAgo = () => {
  const d = new Date()
  return `${d.getFullYear() - 1}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

test('a head adopts a tariff version after checking its effect, and decides an inspection', async ({
  page,
}) => {
  const problems = watchProblems(page)
  const number = `E2E-${unique()}`

  await signIn(page, 'head')
  await page.getByRole('button', { name: 'დასუფთავება: ტარიფები' }).click()
  const versions = page.getByRole('table', { name: 'ტარიფის ვერსიები' })
  await expect(versions.getByRole('row').nth(1)).toBeVisible()
  const before = await versions.getByRole('row').count()

  // A resolution that takes effect next year: nothing issued is corrected.
  await page.getByRole('button', { name: 'ტარიფის ახალი ვერსია' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('დადგენილების ნომერი').fill(number)
  await dialog.getByLabel('მოქმედებს თარიღიდან').fill('01.01.2099')
  await dialog.getByLabel('განაკვეთი ერთ წევრზე თვეში').fill('0,55')
  await dialog.getByRole('button', { name: 'შემოწმება' }).click()
  await expect(dialog.getByText('უკვე დარიცხულ თანხებს ეს ვერსია არ ეხება.')).toBeVisible()
  await shot(page, 'sanitation-01-tariff-checked')
  await dialog.getByRole('button', { name: 'ვერსიის მიღება' }).click()
  await expect(dialog).toBeHidden()
  await expect(versions.getByRole('row')).toHaveCount(before + 1)
  await expect(versions.getByRole('row').filter({ hasText: `№${number}` })).toContainText('0,55')
  // Its corrections (none) are written at once: the section says so, and nothing is left incomplete.
  await expect(page.getByRole('status').filter({ hasText: 'ჩაიწერა 0 ჩანაწერი' })).toBeVisible()
  await expect(versions.getByText(/^დაუსრულებელი/)).toHaveCount(0)

  // A retroactive version without the version it amends is refused next to the field, in Georgian.
  await page.getByRole('button', { name: 'ტარიფის ახალი ვერსია' }).click()
  await dialog.getByLabel('დადგენილების ნომერი').fill(`${number}-R`)
  await dialog.getByLabel('მოქმედებს თარიღიდან').fill('01.01.2020')
  await dialog.getByRole('button', { name: 'შემოწმება' }).click()
  await expect(
    dialog.getByText('უკუძალით მოქმედი დადგენილებისთვის მიუთითეთ, რომელ ვერსიას ცვლის'),
  ).toBeVisible()
  await dialog.getByRole('button', { name: 'გაუქმება' }).click()

  // A period amnesty for the organisations, a year back: its lines are written in batches, the
  // section shows how far, and the amnesty's row counts them once they are all written.
  const amnesties = page.getByRole('table', { name: 'ამნისტიები' })
  const amnestyRows = await amnesties
    .getByRole('row')
    .count()
    .catch(() => 0)
  await page.getByRole('button', { name: 'ამნისტია', exact: true }).click()
  const period = yearAgo()
  await dialog.getByLabel('პერიოდიდან').fill(period)
  await dialog.getByLabel('პერიოდამდე').fill(period)
  await dialog.getByLabel('ვის ეხება').selectOption({ label: 'ორგანიზაციებს' })
  await dialog.getByLabel('საფუძველი').fill(`E2E ${number}`)
  await dialog.getByLabel('აქტის ნომერი').fill(number)
  await dialog.getByLabel('აქტის თარიღი').fill('01.03.2026')
  await dialog.getByRole('button', { name: 'შედეგის ნახვა' }).click()
  const preview = dialog.getByText(/^გადამხდელები: [\d\s]+; ჩანაწერები: ([\d\s]+)\./)
  await expect(preview).toBeVisible()
  const lines = (await preview.textContent())!.match(/ჩანაწერები: ([\d\s]+)\./)![1]!.replace(/\s/g, '')
  expect(Number(lines)).toBeGreaterThan(0)
  await dialog.getByRole('button', { name: 'ამნისტიის გამოცხადება' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: `ჩაიწერა ${Number(lines)} ჩანაწერი` }),
  ).toBeVisible()
  const granted = page.getByRole('table', { name: 'ამნისტიები' })
  await expect(granted.getByRole('row')).toHaveCount(Math.max(amnestyRows, 1) + 1)
  await expect(granted.getByRole('row').filter({ hasText: `E2E ${number}` })).toContainText(lines)
  await expect(granted.getByText(/^დაუსრულებელი/)).toHaveCount(0)
  await shot(page, 'sanitation-01b-amnesty-granted')

  // Inspections the demo inspectors recorded: the head approves the first one waiting.
  await page.getByRole('button', { name: 'დასუფთავება: შემოწმებები' }).click()
  const inspections = page.getByRole('table', { name: 'შემოწმებები' })
  await expect(inspections.getByRole('row').nth(1)).toBeVisible()
  const waiting = await inspections.getByRole('row').count()
  await shot(page, 'sanitation-02-inspections')
  await inspections
    .getByRole('button', { name: /^დამტკიცება:/ })
    .first()
    .click()
  await expect(inspections.getByRole('row')).toHaveCount(waiting - 1)
  // Mantine's segmented control keeps its radios visually hidden under their labels.
  await page.locator('label', { hasText: /^დამტკიცებული$/ }).click()
  await expect(page.getByRole('radio', { name: 'დამტკიცებული' })).toBeChecked()
  await expect(
    page.getByRole('table', { name: 'შემოწმებები' }).getByText('გიორგი მამულაშვილი').first(),
  ).toBeVisible()

  const missing = await page.evaluate(
    () => (window as unknown as { __missingI18nKeys?: string[] }).__missingI18nKeys ?? [],
  )
  expect(missing).toEqual([])
  expect(problems).toEqual([])
})
