import { expect, test } from '@playwright/test'
import { clean, inspect, type PageCheck } from './pageCheck'
import { openApp, passwords, shot, watchProblems } from './support'

for (const language of ['ka', 'en'] as const) {
  test(`every screen renders with the bundled fonts, no raw keys, no capitals (${language})`, async ({
    page,
  }) => {
    const problems = watchProblems(page)
    await openApp(page)
    if (language === 'en') {
      await page.getByText('English', { exact: true }).click()
    }
    const screens: Record<string, PageCheck> = {}
    const check = async (name: string) => {
      screens[name] = await inspect(page)
      await shot(page, `render-${language}-${name}`)
    }
    await page.locator('input[autocomplete="username"]').waitFor()
    await check('sign-in')

    await page.locator('input[autocomplete="username"]').fill('head')
    await page.locator('input[autocomplete="current-password"]').fill(passwords.head)
    await page.keyboard.press('Enter')
    const table = page.locator('table').first()
    await expect(table.locator('tbody tr').nth(3)).toBeVisible()
    await check('list')

    await table.locator('tbody tr').nth(2).click()
    const tabs = page.getByRole('tab')
    await expect(tabs.first()).toBeVisible()
    const tabCount = await tabs.count()
    for (let i = 0; i < tabCount; i++) {
      await tabs.nth(i).click()
      await page.waitForTimeout(300)
      await check(`detail-tab-${i}`)
    }
    await page.getByRole('button', { name: language === 'ka' ? 'რედაქტირება' : 'Edit' }).click()
    await page.waitForTimeout(300)
    await check('edit-form')
    await page.keyboard.press('Escape')

    await page
      .getByRole('button', { name: language === 'ka' ? 'ქონების ანგარიშგება' : 'Property reports' })
      .click()
    await expect(page.getByRole('heading').nth(2)).toBeVisible()
    await page.waitForTimeout(500)
    await check('reports')

    expect(screens).toEqual(Object.fromEntries(Object.keys(screens).map((name) => [name, clean])))
    expect(problems).toEqual([])
  })
}
