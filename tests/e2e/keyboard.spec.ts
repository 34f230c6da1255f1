import { expect, type Page, test } from '@playwright/test'
import { openApp, passwords, shot, watchProblems } from './support'

/** Presses Tab until the focused element satisfies `accepts`; fails after `limit` presses. */
async function tabTo(page: Page, accepts: string, limit = 40): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el) return ''
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : ''
      return `${el.getAttribute('aria-label') ?? ''}|${labelled ?? ''}|${el.textContent ?? ''}`
    })
    if (label.includes(accepts)) return
    seen.push(label.slice(0, 60))
  }
  throw new Error(`Tab never reached "${accepts}"; focus went through: ${seen.join(' / ')}`)
}

/** The focus ring a clerk sees: an outline or a box shadow of at least 2 px. */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return false
    const style = getComputedStyle(el)
    return (
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== 'none'
    )
  })
}

test('a clerk works from the keyboard alone, always seeing where the focus is', async ({ page }) => {
  const problems = watchProblems(page)
  await openApp(page)
  // The username field has the focus on arrival.
  await expect(page.getByLabel('მომხმარებლის სახელი')).toBeFocused()
  await page.keyboard.type('clerk')
  await page.keyboard.press('Tab')
  await page.keyboard.type(passwords.clerk)
  await page.keyboard.press('Enter')
  const table = page.getByRole('table', { name: 'ქონების ობიექტები' })
  await expect(table.getByRole('row').nth(3)).toBeVisible()

  const found = page.getByText(/ნაპოვნია ობიექტი/)
  const everything = await found.textContent()
  await tabTo(page, 'ძიება')
  expect(await focusIsVisible(page)).toBe(true)
  await page.keyboard.type('RST-1995')
  await expect(found).not.toHaveText(everything ?? '')

  // Into the rows, down two, open with Enter.
  await tabTo(page, 'RST-1995')
  expect(await focusIsVisible(page)).toBe(true)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const chosen = await page.evaluate(() => document.activeElement?.textContent ?? '')
  const inventoryNumber = /RST-\d{4}-\d{6}/.exec(chosen)?.[0]
  expect(inventoryNumber).toBeDefined()
  await shot(page, 'keyboard-01-row-focus')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tab', { name: /ბარათი/ })).toBeVisible()
  await expect(page.getByText(inventoryNumber!).first()).toBeVisible()

  // The edit form opens from the keyboard, and Esc leaves it without saving.
  await tabTo(page, 'რედაქტირება')
  expect(await focusIsVisible(page)).toBe(true)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'ობიექტის რედაქტირება' })).toBeVisible()
  await tabTo(page, 'დასახელება')
  expect(await focusIsVisible(page)).toBe(true)
  await shot(page, 'keyboard-02-form-focus')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'ობიექტის რედაქტირება' })).toBeHidden()

  expect(problems).toEqual([])
})
