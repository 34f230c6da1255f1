import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const root = join(import.meta.dirname, '../..')
const electronDir = join(root, 'node_modules/electron')

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const reason =
  'no Electron binary on this machine (it cannot be downloaded here); the web host tests cover the app'

test('the desktop shell opens its window on the sign-in screen', async () => {
  if (!binary) console.log(`Electron smoke test skipped: ${reason}`)
  test.skip(!binary, reason)
  const app = await electron.launch({ executablePath: binary!, args: [root] })
  const window = await app.firstWindow()
  await expect(window.getByLabel('მომხმარებლის სახელი')).toBeVisible()
  expect(window.url()).toMatch(/^app:\/\/rustavi\//)
  await app.close()
})
