import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The real 'electron' module would try to download its binary, which cannot happen here:
// every test sees a stub instead (tests/stubs/electron.ts).
const electronStub = fileURLToPath(new URL('./tests/stubs/electron.ts', import.meta.url))

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { electron: electronStub } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
