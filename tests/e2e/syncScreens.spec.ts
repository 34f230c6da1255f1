import { expect, type Page, test } from '@playwright/test'
import { openApp, passwords, shot, signIn, watchProblems } from './support'

// The sync and administration screens in Georgian: the header's status, "needs attention" and the
// conflicts for a head, the first-run enrolment offer, and IT's users, computers and codes.

/** An i18n key shown as text (a URL such as https://sync.rustavi.gov.ge is not one). */
const rawKey =
  /(?<![\w/.])(app|auth|errors|validation|georgian|property|history|reports|sync|admin)\.[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+\b/

async function expectNoRawOrMissingKeys(page: Page): Promise<void> {
  // What a person sees, not hidden text: innerText on purpose.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
  const text = await page.locator('body').innerText()
  expect(text.match(rawKey)?.[0] ?? null).toBeNull()
  const missing = await page.evaluate(
    () => (window as unknown as { __missingI18nKeys?: string[] }).__missingI18nKeys ?? [],
  )
  expect(missing).toEqual([])
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'მთავარი მენიუ' })

test('a head sees the sync status, the changes needing attention and the conflicts, in Georgian', async ({
  page,
}) => {
  const problems = watchProblems(page)
  await signIn(page, 'head')

  const status = page.getByRole('banner').getByRole('group', { name: 'სინქრონიზაცია' })
  await expect(status).toBeVisible()
  await expect(
    status.getByText(/კომპიუტერი რეგისტრირებული არ არის|სერვერთან კავშირი აქტიურია|ხაზგარეშე რეჟიმი/),
  ).toBeVisible()
  await expect(status.getByText(/გასაგზავნი ცვლილებები|ყველა ცვლილება გაგზავნილია/)).toBeVisible()

  await sidebar(page)
    .getByRole('button', { name: /^საჭიროებს ყურადღებას/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'საჭიროებს ყურადღებას' })).toBeVisible()
  await expect(
    page
      .getByText('ყურადღების საჭირო ცვლილება არ არის: სერვერმა ყველა ცვლილება მიიღო.')
      .or(page.getByRole('region', { name: 'სერვერის მიერ უარყოფილი ცვლილებები' })),
  ).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'sync-01-needs-attention')

  await sidebar(page)
    .getByRole('button', { name: /^კონფლიქტები/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'კონფლიქტები' })).toBeVisible()
  const filter = page.getByRole('radiogroup', { name: 'კონფლიქტების ჩვენება' })
  await expect(filter).toBeVisible()
  await expect(
    page
      .getByText('გადასაწყვეტი კონფლიქტი არ არის.')
      .or(page.getByRole('region', { name: 'კონფლიქტების სია' })),
  ).toBeVisible()
  await shot(page, 'sync-02-conflicts-open')
  await filter.getByText('გადაწყვეტილი').click()
  await expect(
    page
      .getByText('გადაწყვეტილი კონფლიქტი ჯერ არ არის.')
      .or(page.getByRole('region', { name: 'კონფლიქტების სია' })),
  ).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'sync-03-conflicts-resolved')

  // The same screens in English.
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible()
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^Needs attention/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'sync-04-needs-attention-en')

  expect(problems).toEqual([])
})

test('a PC that is not enrolled offers enrolment or the demo above the sign-in form', async ({ page }) => {
  const problems = watchProblems(page)
  await openApp(page)
  // The web host of the tests has no central server configured.
  const offer = page.getByRole('region', { name: 'ეს კომპიუტერი ცენტრალურ სერვერთან დაკავშირებული არ არის' })
  await expect(offer).toBeVisible()
  await expect(page.getByLabel('მომხმარებლის სახელი')).toBeFocused()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'sync-05-first-run-offer')

  // Enrolment: an empty form says what each field needs, beside the field.
  await offer.getByRole('button', { name: 'კომპიუტერის რეგისტრაცია' }).click()
  await expect(page.getByRole('heading', { name: 'კომპიუტერის რეგისტრაცია' })).toBeVisible()
  await expect(page.getByLabel(/^სერვერის მისამართი/)).toBeFocused()
  await page.getByRole('button', { name: 'რეგისტრაცია', exact: true }).click()
  await expect(
    page.getByText('მისამართი არასწორია; მიუთითეთ სრულად, მაგ.: https://sync.rustavi.gov.ge'),
  ).toBeVisible()
  await expect(page.getByText('კოდი მინიმუმ 6 სიმბოლოსგან შედგება')).toBeVisible()
  await expect(page.getByText('სავალდებულო ველი')).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'sync-06-enrol-errors')

  // Back, and on with the demo: the offer goes, signing in works locally.
  await page.getByRole('button', { name: 'უკან დაბრუნება' }).click()
  await offer.getByRole('button', { name: 'დემო ვერსიით გაგრძელება' }).click()
  await expect(offer).toBeHidden()
  await page.getByLabel('მომხმარებლის სახელი').fill('clerk')
  await page.getByLabel('პაროლი').fill(passwords.clerk)
  await page.getByRole('button', { name: 'შესვლა' }).click()
  await expect(page.getByRole('table', { name: 'ქონების ობიექტები' })).toBeVisible()

  expect(problems).toEqual([])
})

test('the IT administrator changes the temporary password and sees users, computers and enrolment codes', async ({
  page,
}) => {
  const problems = watchProblems(page)
  await openApp(page)
  await page.getByLabel('მომხმარებლის სახელი').fill('admin')
  await page.getByLabel('პაროლი').fill(passwords.admin)
  await page.getByRole('button', { name: 'შესვლა' }).click()

  // The demo administrator must choose a new password first (README, Demo users).
  await expect(page.getByRole('heading', { name: 'პაროლის შეცვლა' })).toBeVisible()
  const newPassword = 'Rustavi-IT-e2e-2026'
  await page.getByLabel('მიმდინარე პაროლი').fill(passwords.admin)
  await page.getByLabel('ახალი პაროლი', { exact: true }).fill(newPassword)
  await page.getByLabel('გაიმეორეთ ახალი პაროლი').fill(newPassword)
  await page.getByRole('button', { name: 'პაროლის შეცვლა' }).click()

  // IT sees no citizen data: the first screen is the users, the sidebar only administration.
  await expect(page.getByRole('heading', { level: 1, name: 'მომხმარებლები' })).toBeVisible()
  const nav = sidebar(page)
  await expect(nav.getByRole('group', { name: 'ადმინისტრირება' })).toBeVisible()
  await expect(nav.getByRole('button', { name: 'მუნიციპალური ქონება' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'ახალი მომხმარებელი' })).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'admin-01-users')

  await page.getByRole('button', { name: 'ახალი მომხმარებელი' }).click()
  const dialog = page.getByRole('dialog', { name: 'მომხმარებლის დამატება' })
  await expect(dialog.getByLabel(/^მომხმარებლის სახელი/)).toBeFocused()
  await expect(dialog.getByRole('checkbox', { name: 'ქონების მართვის სამსახური' })).toBeVisible()
  await expect(dialog.getByLabel(/^როლი/)).toBeVisible()
  await dialog.getByRole('button', { name: 'შენახვა' }).click()
  await expect(dialog.getByText('მომხმარებლის სახელი მინიმუმ 3 სიმბოლოსგან უნდა შედგებოდეს')).toBeVisible()
  await expect(dialog.getByText('პაროლი მინიმუმ 10 სიმბოლოსგან უნდა შედგებოდეს')).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'admin-02-new-user-errors')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await nav.getByRole('button', { name: 'კომპიუტერები' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'კომპიუტერები' })).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'admin-03-devices')

  await nav.getByRole('button', { name: 'რეგისტრაციის კოდები' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'რეგისტრაციის კოდები' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'ახალი კოდის შექმნა' })).toBeVisible()
  await expectNoRawOrMissingKeys(page)
  await shot(page, 'admin-04-enrolment-codes')

  expect(problems).toEqual([])
})
