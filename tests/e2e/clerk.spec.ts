import { expect, test } from '@playwright/test'
import { shot, signIn, unique, watchProblems } from './support'

test('a new clerk registers an object, finds it on a Latin layout, edits it, leases it, and switches to English', async ({
  page,
}) => {
  const problems = watchProblems(page)
  const n = unique()
  const inventoryNumber = `RST-E2E-${n}`

  await signIn(page, 'clerk')
  await expect(page.getByRole('heading', { name: 'ქონების რეესტრი' })).toBeVisible()
  await expect(page.getByRole('row').nth(5)).toBeVisible()
  await shot(page, 'clerk-01-list')

  // A new object with a malformed cadastral code: the Georgian message appears next to the field.
  await page.getByRole('button', { name: 'ახალი ობიექტი' }).click()
  await page.getByLabel('საინვენტარო ნომერი').fill(inventoryNumber)
  await page.getByLabel('დასახელება').fill('ყოფილი ბიბლიოთეკის შენობა')
  await page.getByLabel('საკადასტრო კოდი').fill('02.01.98')
  await page.getByLabel('ობიექტის სახე').selectOption({ label: 'შენობა-ნაგებობა' })
  await page.getByLabel('ტერიტორიული ერთეული').selectOption({ index: 3 })
  await page.getByLabel('ქუჩა / მიკრორაიონი').fill('ზღვისპირა ქუჩა')
  await page.getByLabel('შენობა / კორპუსი').fill('7')
  await page.getByLabel('საფოსტო ინდექსი').fill('3700')
  await page.getByLabel('ფართობი (მ²)').fill('312,4')
  await page.getByLabel('საბალანსო ღირებულება').fill('84 500')
  await page.getByLabel('მიღების თარიღი').fill('15.06.2011')
  await page.getByLabel('მიღების საფუძველი').selectOption({ label: 'მშენებლობა' })
  await page.getByRole('button', { name: 'შენახვა' }).click()
  await expect(page.getByText('საკადასტრო კოდის ფორმატია: 01.18.06.019.055')).toBeVisible()
  await shot(page, 'clerk-02-cadastral-error')

  await page.getByLabel('საკადასტრო კოდი').fill(`02.01.98.${n.slice(0, 3)}.${n.slice(3)}`)
  await page.getByRole('button', { name: 'შენახვა' }).click()
  await expect(page.getByRole('heading', { name: 'ყოფილი ბიბლიოთეკის შენობა' })).toBeVisible()
  await shot(page, 'clerk-03-created')

  // Back in the list, the address typed with the keyboard left on English finds it.
  await page.getByRole('button', { name: 'მუნიციპალური ქონება' }).click()
  await page.getByLabel('ძიება').fill('zRvispira')
  const table = page.getByRole('table', { name: 'ქონების ობიექტები' })
  await expect(table.getByRole('row').filter({ hasText: inventoryNumber })).toBeVisible()
  await shot(page, 'clerk-04-found-by-latin-layout')

  // Edit it, and see the change in its history.
  await table.getByRole('row').filter({ hasText: inventoryNumber }).click()
  await page.getByRole('button', { name: 'რედაქტირება' }).click()
  await page.getByLabel('დასახელება').fill('ახალგაზრდული ცენტრის შენობა')
  await page.getByRole('button', { name: 'შენახვა' }).click()
  await expect(page.getByRole('heading', { name: 'ახალგაზრდული ცენტრის შენობა' })).toBeVisible()
  await page.getByRole('tab', { name: /ისტორია/ }).click()
  const history = page.getByRole('tabpanel')
  await expect(history.getByText('ყოფილი ბიბლიოთეკის შენობა').first()).toBeVisible()
  await expect(history.getByText('ახალგაზრდული ცენტრის შენობა').first()).toBeVisible()
  await expect(history.getByText('ნინო კაპანაძე').first()).toBeVisible()
  await shot(page, 'clerk-05-history')

  // A lease: 12 000 GEL a year from 1 January 2025.
  await page.getByRole('tab', { name: /იჯარა/ }).click()
  await page.getByRole('button', { name: 'იჯარის რეგისტრაცია' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('ხელშეკრულების ნომერი').fill(`ქ-E2E/${n}`)
  await dialog.getByLabel('მოიჯარის სამართლებრივი ფორმა').selectOption({ label: 'იურიდიული პირი' })
  await dialog.getByLabel(/^მოიჯარე( \*)?$/).fill('შპს „ახალგაზრდული ინიციატივა“')
  await dialog.getByLabel('პირადი ნომერი / საიდენტიფიკაციო კოდი').fill('404123456')
  await dialog.getByLabel('მოიჯარის ტელეფონი').fill('599 12 34 56')
  await dialog.getByLabel('წლიური საიჯარო ქირა').fill('12 000')
  await dialog.getByLabel('იჯარის დაწყება').fill('01.01.2025')
  await dialog.getByLabel('იჯარის დასრულება').fill('31.12.2029')
  await dialog.getByRole('button', { name: 'შენახვა' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('tabpanel').getByText('შპს „ახალგაზრდული ინიციატივა“')).toBeVisible()
  await expect(page.getByRole('tabpanel').getByText('12 000,00 ₾').first()).toBeVisible()
  await shot(page, 'clerk-06-lease')

  // The interface in English.
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('tab', { name: /Leases/ })).toBeVisible()
  await page.getByRole('button', { name: 'Municipal property' }).click()
  await expect(page.getByRole('heading', { name: 'Property registry' })).toBeVisible()
  await shot(page, 'clerk-07-english')

  expect(problems).toEqual([])
})
