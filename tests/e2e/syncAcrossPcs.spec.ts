import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import { e2eToken, syncedPcPorts, syncedPcsControlPort } from '../../playwright.config'
import { passwords, shot, unique, watchProblems } from './support'

// Two office PCs enrolled with one central server (tests/e2e/syncedPcs.ts): what a clerk saves on
// one appears on the other, and IT manages users and computers on the server from the app.

async function pcPage(browser: Browser, pc: 0 | 1): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems = watchProblems(page)
  await page.goto(`http://127.0.0.1:${syncedPcPorts[pc]}/#token=${e2eToken}`)
  return { page, problems }
}

async function signIn(page: Page, user: keyof typeof passwords, password: string = passwords[user]) {
  await page.getByLabel('მომხმარებლის სახელი').fill(user)
  await page.getByLabel('პაროლი').fill(password)
  await page.getByRole('button', { name: 'შესვლა' }).click()
}

/** The property registry's table on a PC's page. */
const tableOf = (page: Page) => page.getByRole('table', { name: 'ქონების ობიექტები' })

/** The clerk signed in on both PCs, each with the registry bootstrapped from the server. */
async function clerksOnBothPcs(browser: Browser) {
  const a = await pcPage(browser, 0)
  const b = await pcPage(browser, 1)
  await signIn(a.page, 'clerk')
  await signIn(b.page, 'clerk')
  await expect(tableOf(a.page).getByRole('row').nth(5)).toBeVisible({ timeout: 30_000 })
  await expect(tableOf(b.page).getByRole('row').nth(5)).toBeVisible({ timeout: 30_000 })
  return { a, b }
}

test('an edit saved on one PC appears on the other, and both show they are online', async ({ browser }) => {
  // Each PC bootstraps the registry from the server on the clerk's first sign-in.
  const { a, b } = await clerksOnBothPcs(browser)
  for (const { page } of [a, b]) {
    await expect(page.getByRole('banner').getByText('სერვერთან კავშირი აქტიურია')).toBeVisible({
      timeout: 15_000,
    })
  }

  // On PC A: rename the first object.
  const newName = `სათათბირო დარბაზი ${unique()}`
  await tableOf(a.page).getByRole('row').nth(1).click()
  await a.page.getByRole('button', { name: 'რედაქტირება' }).click()
  await a.page.getByLabel('დასახელება').fill(newName)
  await a.page.getByRole('button', { name: 'შენახვა' }).click()
  await expect(a.page.getByRole('heading', { name: newName })).toBeVisible()
  await shot(a.page, 'sync-pc-a-saved')

  // On PC B: the server's poke brings the change; the clerk finds it by search.
  await expect(async () => {
    await b.page.getByLabel('ძიება').fill(newName.split(' ').slice(0, 2).join(' '))
    await expect(tableOf(b.page).getByRole('row').filter({ hasText: newName })).toBeVisible({
      timeout: 1_000,
    })
  }).toPass({ timeout: 20_000 })
  await tableOf(b.page).getByRole('row').filter({ hasText: newName }).click()
  await b.page.getByRole('tab', { name: /ისტორია/ }).click()
  await expect(b.page.getByRole('tabpanel').getByText(newName).first()).toBeVisible()
  await expect(b.page.getByRole('tabpanel').getByText('ნინო კაპანაძე').first()).toBeVisible()
  await shot(b.page, 'sync-pc-b-received')

  // A's change came back from the server: nothing is left pending on either PC.
  for (const { page } of [a, b]) {
    await expect(page.getByRole('banner').getByText('ყველა ცვლილება გაგზავნილია')).toBeVisible({
      timeout: 15_000,
    })
  }
  expect([...a.problems, ...b.problems]).toEqual([])
})

/** Unplugs or plugs PC n's network cable (tests/e2e/syncedPcs.ts). */
async function cable(request: APIRequestContext, pc: 1 | 2, action: 'unplug' | 'plug') {
  const reply = await request.post(`http://127.0.0.1:${syncedPcsControlPort}/pc/${pc}/${action}`)
  expect(reply.status()).toBe(204)
}

test('both PCs rename one object while one is offline; the head sees both names and keeps the other one', async ({
  browser,
  request,
}) => {
  const { a, b } = await clerksOnBothPcs(browser)
  const rename = async (page: Page, name: string) => {
    await page.getByRole('button', { name: 'რედაქტირება' }).click()
    await page.getByLabel('დასახელება').fill(name)
    await page.getByRole('button', { name: 'შენახვა' }).click()
    await expect(page.getByRole('heading', { name })).toBeVisible()
  }
  const open = async (page: Page, name: string) => {
    await expect(async () => {
      await page.getByLabel('ძიება').fill(name)
      await tableOf(page).getByRole('row').filter({ hasText: name }).click({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(page.getByRole('heading', { name })).toBeVisible()
  }

  // A names an object; B receives it and opens it too.
  const tag = unique()
  const start = `საარქივო ოთახი ${tag}`
  await tableOf(a.page).getByRole('row').nth(3).click()
  await rename(a.page, start)
  await open(b.page, start)

  // B's cable is pulled: both rename the object, A first, B a moment later.
  await cable(request, 2, 'unplug')
  const nameOnA = `საარქივო ოთახი ${tag} (ა)`
  const nameOnB = `საარქივო ოთახი ${tag} (ბ)`
  await rename(a.page, nameOnA)
  await b.page.waitForTimeout(50)
  await rename(b.page, nameOnB)
  await expect(b.page.getByRole('banner').getByText('გასაგზავნი ცვლილებები')).toBeVisible()

  // Back online: the later name wins on both PCs, and the earlier one waits for the head.
  await cable(request, 2, 'plug')
  await b.page.getByRole('button', { name: 'სინქრონიზაცია ახლავე' }).click()
  await expect(b.page.getByRole('banner').getByText('ყველა ცვლილება გაგზავნილია')).toBeVisible({
    timeout: 15_000,
  })
  // A still shows the object: it reloads with what the server sent.
  const shows = (page: Page, name: string) =>
    expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 20_000 })
  await shows(a.page, nameOnB)

  const head = await pcPage(browser, 1)
  await signIn(head.page, 'head')
  await head.page
    .getByRole('navigation', { name: 'მთავარი მენიუ' })
    .getByRole('button', { name: /^კონფლიქტები/ })
    .click()
  const card = head.page.getByRole('article').filter({ hasText: nameOnA })
  await expect(card).toBeVisible({ timeout: 15_000 })
  await expect(card.getByText(nameOnB)).toBeVisible()
  await expect(card.getByText('ნინო კაპანაძე').first()).toBeVisible()
  // Which computer each name came from, by the names IT gave them.
  await expect(card.getByText('ოთახი 101')).toBeVisible()
  await expect(card.getByText('ოთახი 102')).toBeVisible()
  await shot(head.page, 'sync-conflict-real')
  await card.getByRole('button', { name: 'მეორე მნიშვნელობის არჩევა' }).click()
  await expect(head.page.getByRole('dialog').getByText(nameOnA)).toBeVisible()
  await shot(head.page, 'sync-conflict-decide')
  await head.page.getByRole('dialog').getByRole('button', { name: 'დადასტურება' }).click()
  await expect(card).toHaveCount(0)

  // The head's decision reaches both PCs.
  await shows(a.page, nameOnA)
  await shows(b.page, nameOnA)
  expect([...a.problems, ...b.problems, ...head.problems]).toEqual([])
})

test('an inventory number taken on the server while B was offline: B’s change is refused, explained in Georgian, fixed and resent', async ({
  browser,
  request,
}) => {
  const { a, b } = await clerksOnBothPcs(browser)
  const setNumber = async (page: Page, number: string) => {
    await page.getByRole('button', { name: 'რედაქტირება' }).click()
    await page.getByLabel('საინვენტარო ნომერი').fill(number)
    await page.getByRole('button', { name: 'შენახვა' }).click()
    await expect(page.getByRole('button', { name: 'რედაქტირება' })).toBeVisible()
  }

  // B's cable is pulled; A gives one object a new inventory number, B gives another the same one.
  await cable(request, 2, 'unplug')
  const number = `INV-E2E-${unique()}`
  // Two different objects (a row shows an object's inventory number, which is unique).
  const rowOnA = tableOf(a.page).getByRole('row').nth(2)
  const rowOnB = tableOf(b.page).getByRole('row').nth(4)
  expect(await rowOnB.textContent()).not.toBe(await rowOnA.textContent())
  await rowOnA.click()
  await rowOnB.click()
  await setNumber(a.page, number)
  await setNumber(b.page, number)
  await expect(b.page.getByRole('banner').getByText('გასაგზავნი ცვლილებები')).toBeVisible()

  // Back online: the server refuses B's change, and B's clerk finds it under "needs attention".
  await cable(request, 2, 'plug')
  await b.page.getByRole('button', { name: 'სინქრონიზაცია ახლავე' }).click()
  const nav = b.page.getByRole('navigation', { name: 'მთავარი მენიუ' })
  await expect(nav.getByRole('button', { name: /^საჭიროებს ყურადღებას/ })).toBeVisible({ timeout: 15_000 })
  await nav.getByRole('button', { name: /^საჭიროებს ყურადღებას/ }).click()
  const card = b.page.getByRole('article').filter({ hasText: number })
  await expect(card).toBeVisible({ timeout: 15_000 })
  await expect(card.getByText('ასეთი მონაცემებით ჩანაწერი უკვე არსებობს')).toBeVisible()
  await expect(card.getByText(/უკვე სხვა ჩანაწერს აქვს\. შეასწორეთ მნიშვნელობა/)).toBeVisible()
  await shot(b.page, 'sync-rejected-duplicate')

  // The clerk gives it another number and resends it; the server takes it and nothing is left.
  await card.getByRole('button', { name: 'გასწორება და ხელახლა გაგზავნა' }).click()
  const dialog = b.page.getByRole('dialog')
  await dialog.getByLabel(/საინვენტარო/).fill(`${number}-2`)
  await shot(b.page, 'sync-rejected-fix')
  await dialog.getByRole('button', { name: 'ხელახლა გაგზავნა' }).click()
  await expect(b.page.getByText('ცვლილება ხელახლა გაიგზავნა')).toBeVisible()
  await expect(card).toHaveCount(0)
  await b.page.getByRole('button', { name: 'სინქრონიზაცია ახლავე' }).click()
  await expect(b.page.getByRole('banner').getByText('ყველა ცვლილება გაგზავნილია')).toBeVisible({
    timeout: 15_000,
  })
  // A receives B's corrected number.
  await a.page.getByRole('button', { name: 'სიაში დაბრუნება' }).click()
  await expect(async () => {
    await a.page.getByLabel('ძიება').fill(`${number}-2`)
    await expect(
      tableOf(a.page)
        .getByRole('row')
        .filter({ hasText: `${number}-2` }),
    ).toBeVisible({
      timeout: 1_000,
    })
  }).toPass({ timeout: 20_000 })
  expect([...a.problems, ...b.problems]).toEqual([])
})

test('IT changes the first password on the server, then sees both computers and creates an enrolment code', async ({
  browser,
}) => {
  const { page, problems } = await pcPage(browser, 0)
  await signIn(page, 'admin')
  const newPassword = `Rustavi-IT-${unique()}!`
  await page.getByLabel('მიმდინარე პაროლი').fill(passwords.admin)
  await page.getByLabel('ახალი პაროლი', { exact: true }).fill(newPassword)
  await page.getByLabel('გაიმეორეთ ახალი პაროლი').fill(newPassword)
  await page.getByRole('button', { name: 'პაროლის შეცვლა' }).click()

  await expect(page.getByRole('heading', { name: 'მომხმარებლები' })).toBeVisible()
  const users = page.getByRole('table')
  for (const name of ['ნინო კაპანაძე', 'გიორგი მამულაშვილი', 'თამარ ლომიძე']) {
    await expect(users.getByText(name)).toBeVisible()
  }
  await shot(page, 'sync-admin-users')

  await page.getByRole('button', { name: 'კომპიუტერები' }).click()
  await expect(page.getByRole('table').getByText('ოთახი 101')).toBeVisible()
  await expect(page.getByRole('table').getByText('ოთახი 102')).toBeVisible()
  await shot(page, 'sync-admin-devices')

  await page.getByRole('button', { name: 'რეგისტრაციის კოდები' }).click()
  await page.getByRole('button', { name: /ახალი კოდი/ }).click()
  await expect(page.getByText(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/).first()).toBeVisible()
  await shot(page, 'sync-admin-code')
  expect(problems).toEqual([])
})
