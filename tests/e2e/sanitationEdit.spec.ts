import { expect, test } from '@playwright/test'
import { shot, signIn, unique, watchProblems } from './support'

// The demo head answers for sanitation too: the sidebar leads to the tariffs and inspections screens.

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

  // A retroactive version without the version it amends is refused next to the field, in Georgian.
  await page.getByRole('button', { name: 'ტარიფის ახალი ვერსია' }).click()
  await dialog.getByLabel('დადგენილების ნომერი').fill(`${number}-R`)
  await dialog.getByLabel('მოქმედებს თარიღიდან').fill('01.01.2020')
  await dialog.getByRole('button', { name: 'შემოწმება' }).click()
  await expect(
    dialog.getByText('უკუძალით მოქმედი დადგენილებისთვის მიუთითეთ, რომელ ვერსიას ცვლის'),
  ).toBeVisible()
  await dialog.getByRole('button', { name: 'გაუქმება' }).click()

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
