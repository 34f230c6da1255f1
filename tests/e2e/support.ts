import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { e2eToken } from '../../playwright.config'

export const passwords = {
  clerk: 'Rustavi-Clerk-2026',
  head: 'Rustavi-Head-2026',
  auditor: 'Rustavi-Auditor-2026',
  admin: 'Rustavi-Admin-2026',
} as const

const shotsDir = join(import.meta.dirname, 'screenshots')
mkdirSync(shotsDir, { recursive: true })

/** A screenshot to look at after the run (tests/e2e/screenshots, not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  // A dialog fading in is captured once its transition is over, as a person would see it.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true })
}

/** Console errors and failed requests: a clean run has none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('request', (r) => {
    const url = r.url()
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url)) problems.push(`external request: ${url}`)
  })
  return problems
}

export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#token=${e2eToken}`)
}

export async function signIn(page: Page, user: keyof typeof passwords): Promise<void> {
  await openApp(page)
  await page.getByLabel('მომხმარებლის სახელი').fill(user)
  await page.getByLabel('პაროლი').fill(passwords[user])
  await page.getByRole('button', { name: 'შესვლა' }).click()
  await expect(page.getByRole('table', { name: 'ქონების ობიექტები' })).toBeVisible()
}

/** A suffix that keeps what one test creates apart from another run's. */
export const unique = () => String(Date.now() % 1_000_000).padStart(6, '0')
