import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const r = (path: string) => resolve(root, path)

/** Vendor chunks of the first screen; libraries loaded later with import() stay in their own chunks. */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  {
    name: 'mantine',
    test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|clsx)/,
    priority: 30,
  },
  { name: 'data', test: /node_modules[\\/](@tanstack|zod|react-hook-form|@hookform)[\\/]/, priority: 20 },
  { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
].map((group) => ({ ...group, tags: ['$initial' as const] }))

export default defineConfig({
  main: {
    build: {
      outDir: r('out/main'),
      // Dependencies stay require()d from node_modules; better-sqlite3 is native and must never be
      // bundled (its .node binary is rebuilt for Electron on the packaging machine).
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: { index: r('electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: r('out/preload'),
      // A sandboxed preload cannot load ESM or other files: one CommonJS file with everything inlined.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: r('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    plugins: [react()],
    build: {
      outDir: r('out/renderer'),
      minify: true,
      // Fonts stay files: the CSP allows fonts from 'self' only, not data: URLs.
      assetsInlineLimit: 0,
      // The budget for the first screen is 450 KB of gzipped JS; Vite reports each chunk's size.
      chunkSizeWarningLimit: 600,
      rolldownOptions: {
        input: { index: r('renderer/index.html') },
        output: { codeSplitting: { groups: vendorGroups } },
      },
    },
  },
})
