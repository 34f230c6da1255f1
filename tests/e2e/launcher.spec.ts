import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { passwords, shot, watchProblems } from './support'

// The README's path for a machine without Electron: `npm run start:web` (scripts/start.ts --web)
// starts the embedded central server with the demo municipality, enrols the app with it, and serves
// the app in the browser. This runs that launcher as a new user would and uses the app it prints.

const root = resolve(import.meta.dirname, '../..')
let launcher: ChildProcess | null = null
let dataDir = ''

test.afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((r) => launcher?.once('exit', r))
    launcher.kill('SIGTERM')
    await exited
  }
  rmSync(dataDir, { recursive: true, force: true })
})

test('the start command brings up the server and an enrolled app that a clerk can use', async ({ page }) => {
  test.setTimeout(150_000)
  dataDir = mkdtempSync(join(tmpdir(), 'rustavi-start-'))
  launcher = spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'scripts/start.ts'),
      '--web',
      '--no-open',
      '--data-dir',
      dataDir,
      '--demo-objects',
      '200',
      '--demo-payers',
      '200',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  )
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const found = output.match(/Web host: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/)
      if (found) {
        clearTimeout(timer)
        resolveUrl(found[1]!)
      }
    }
    launcher?.stdout?.on('data', read)
    launcher?.stderr?.on('data', read)
    launcher?.once('exit', (code) => reject(new Error(`the launcher exited (${code}):\n${output}`)))
  })
  expect(output).toContain('Starting the embedded central server')

  const problems = watchProblems(page)
  await page.goto(url)
  await page.getByLabel('მომხმარებლის სახელი').fill('clerk')
  await page.getByLabel('პაროლი').fill(passwords.clerk)
  await page.getByRole('button', { name: 'შესვლა' }).click()
  await expect(page.getByRole('banner').getByText('სერვერთან კავშირი აქტიურია')).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.getByRole('status').getByText('ნაპოვნია ობიექტი: 200')).toBeVisible({ timeout: 30_000 })
  await shot(page, 'start-web-first-run')
  expect(problems).toEqual([])
})
