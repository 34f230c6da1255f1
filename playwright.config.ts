import { defineConfig } from '@playwright/test'

const port = 4791
// A fixed token so the tests can open the app; only the test run uses it.
export const e2eToken = 'e2e-token-for-tests-only'
/** The two enrolled PCs of tests/e2e/syncedPcs.ts (their server listens on 4792). */
export const syncedPcPorts = [4793, 4794] as const
/** Where tests/e2e/syncedPcs.ts takes `POST /pc/<1|2>/unplug` and `/plug` for a PC's network cable. */
export const syncedPcsControlPort = 4795

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ka-GE',
    timezoneId: 'Asia/Tbilisi',
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    // Debian's Chromium: Playwright cannot download its own browsers here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    // A PC on its own (not enrolled), with its demo municipality generated locally.
    {
      command: `tsx electron/backend/web/serve.ts --data-dir .data/e2e --fresh --port ${port} --demo-objects 600 --demo-payers 1000 --no-open`,
      url: `http://127.0.0.1:${port}/`,
      env: { RUSTAVI_WEB_TOKEN: e2eToken },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    // Two PCs enrolled with one central server (tests/e2e/syncAcrossPcs.spec.ts).
    {
      command: 'tsx tests/e2e/syncedPcs.ts',
      url: `http://127.0.0.1:${syncedPcPorts[1]}/`,
      env: { RUSTAVI_WEB_TOKEN: e2eToken },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
    },
  ],
})
