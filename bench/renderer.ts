import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from '@playwright/test'
import { type BenchContext, migrationsFolder, repoRoot } from './context'
import { median, type Outcome, report, skipped } from './stats'

const rendererDir = join(repoRoot, 'out/renderer')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const JS_TARGET_BYTES = 450 * 1024
const INTERACTIVE_TARGET_MS = 1_500
const RUNS = 5

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** The JavaScript the first screen loads: the entry script and the chunks it preloads, gzipped. */
export function rendererSizeBenchmark(): Outcome {
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile)) {
    return skipped(
      'renderer: initial JavaScript',
      `${indexFile} does not exist: run "npx electron-vite build" first`,
    )
  }
  const html = readFileSync(indexFile, 'utf8')
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!)
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!)
  const files = [...new Set([...scripts, ...preloads])]
  const sizes = files.map((href) => {
    const bytes = readFileSync(join(rendererDir, href))
    return { href, raw: bytes.length, gz: gzipSync(bytes).length }
  })
  const total = sizes.reduce((sum, s) => sum + s.gz, 0)
  const rawTotal = sizes.reduce((sum, s) => sum + s.raw, 0)
  return report(
    'renderer: initial JavaScript (entry + modulepreloads, gzip -6)',
    [{ label: 'initial JS, gzipped', value: total, target: JS_TARGET_BYTES, format: kb }],
    { label: 'the same files uncompressed', value: rawTotal, format: kb },
    sizes.sort((a, b) => b.gz - a.gz).map((s) => `${s.href}: ${kb(s.gz)} gz (${kb(s.raw)})`),
  )
}

/**
 * Cold start of the first screen in Chromium through the web host: from navigation start until the
 * sign-in form's username field has the focus (React mounted, i18n and theme ready), in a fresh
 * browser context each run; against a plain HTML page with one autofocused input from the same host.
 */
export async function rendererInteractiveBenchmark(ctx: BenchContext): Promise<Outcome> {
  const name = 'renderer: first screen interactive in Chromium'
  if (!existsSync(join(rendererDir, 'index.html'))) return skipped(name, 'out/renderer is not built')
  if (!existsSync(chromiumPath)) {
    return skipped(name, `no Chromium at ${chromiumPath} (apt-get install -y chromium fonts-noto-core)`)
  }
  let hostModule: typeof import('../electron/backend/web/host')
  let backendModule: typeof import('../electron/backend/startBackend')
  try {
    hostModule = await import('../electron/backend/web/host')
    backendModule = await import('../electron/backend/startBackend')
  } catch (error) {
    return skipped(name, `the web host cannot be loaded yet: ${String(error).split('\n')[0]}`)
  }
  const { chromium } = await import('@playwright/test')

  const store = ctx.store()
  const backend = await backendModule.startBackend({ userDataDir: store.dir, migrationsFolder })
  const host = await hostModule.startWebHost({ dispatch: backend.dispatch, rendererDir })
  const plainDir = ctx.tempDir('plain-page')
  writeFileSync(
    join(plainDir, 'index.html'),
    '<!doctype html><html lang="ka"><head><meta charset="utf-8"><title>x</title></head><body><input autocomplete="username" autofocus></body></html>',
  )
  const plainHost = await hostModule.startWebHost({ dispatch: backend.dispatch, rendererDir: plainDir })
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    const firstScreen = async (url: string): Promise<number> => {
      const context = await browser!.newContext({ locale: 'ka-GE', viewport: { width: 1440, height: 900 } })
      try {
        const page = await context.newPage()
        await page.goto(url, { waitUntil: 'commit' })
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('autocomplete') === 'username',
          undefined,
          { polling: 'raf', timeout: 30_000 },
        )
        return await page.evaluate(() => performance.now())
      } finally {
        await context.close()
      }
    }
    // one warm-up of each: the first navigation also pays for Chromium's own start-up
    await firstScreen(host.url)
    await firstScreen(plainHost.url)
    const app: number[] = []
    const plain: number[] = []
    for (let i = 0; i < RUNS; i++) {
      app.push(await firstScreen(host.url))
      plain.push(await firstScreen(plainHost.url))
    }
    const notes = [`${RUNS} cold loads each (fresh browser context), after one warm-up`]
    notes.push(await firstListPage(browser, host.url, store.today))
    return report(
      name,
      [
        {
          label: 'navigation start -> sign-in form focused (median)',
          value: median(app),
          target: INTERACTIVE_TARGET_MS,
        },
      ],
      { label: 'plain page with one autofocused input (median)', value: median(plain) },
      notes,
    )
  } catch (error) {
    return skipped(name, `the run failed: ${String(error).split('\n')[0]}`)
  } finally {
    await browser?.close()
    await plainHost.close()
    await host.close()
    backend.close()
  }
}

/** For information: signing in as the clerk until the list shows its first rows of the big store. */
async function firstListPage(browser: Browser, url: string, _today: string): Promise<string> {
  const context = await browser.newContext({ locale: 'ka-GE', viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(url)
    await page.locator('input[autocomplete="username"]').fill('clerk')
    await page.locator('input[autocomplete="current-password"]').fill('Rustavi-Clerk-2026')
    const start = Date.now()
    await page.locator('button[type="submit"]').click()
    await page
      .getByText(/RST-\d{4}-\d{6}/)
      .first()
      .waitFor({ timeout: 20_000 })
    return `for information: sign-in submit -> first rows of the property list: ${Date.now() - start} ms`
  } catch (error) {
    return `for information: the property list after sign-in could not be measured: ${String(error).split('\n')[0]}`
  } finally {
    await context.close()
  }
}
