import { existsSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  backgroundCheckpointer,
  checkpointsInBackground,
  driverFiles,
  outsideAsar,
} from '../../../db/backgroundCheckpoint'
import { tempStore } from '../../support/tempStore'
import { writeSlice } from '../../support/territorialSlices'

/** Frames in the write-ahead log now (a PASSIVE checkpoint reports them and copies what it can). */
const framesInLog = (store: ReturnType<typeof tempStore>) =>
  (store.db.$client.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log

/** The log file's size: it grows while the log is never copied whole, and stays put once it starts again. */
const logFileSize = (store: ReturnType<typeof tempStore>) => statSync(`${store.file}-wal`).size

describe('checkpoints in a worker thread', () => {
  let store: ReturnType<typeof tempStore> | undefined
  afterEach(() => store?.close())

  it('copies the whole log into the database on its own connection', async () => {
    store = tempStore()
    for (let n = 0; n < 10; n++) writeSlice(store, n)
    const checkpointer = backgroundCheckpointer(store.db.$client)
    try {
      const result = await checkpointer.checkpoint()
      expect(result.log).toBeGreaterThan(0)
      expect(result.checkpointed).toBe(result.log)
    } finally {
      await checkpointer.close()
    }
    // Copied whole: the next write starts the log again from its beginning.
    writeSlice(store, 99)
    expect(framesInLog(store)).toBeLessThan(20)
  })

  it('keeps the log of a long run of slices short, the slices going on meanwhile', async () => {
    store = tempStore()
    const unchecked = tempStore()
    try {
      const checkpoints = checkpointsInBackground(store.db.$client, 5)
      const sizes: { checked: number; unchecked: number }[] = []
      for (let n = 0; n < 160; n++) {
        writeSlice(store, n)
        writeSlice(unchecked, n)
        await checkpoints.afterSlice()
        await new Promise((resolve) => setTimeout(resolve, 3))
        if (n === 79 || n === 159)
          sizes.push({ checked: logFileSize(store), unchecked: logFileSize(unchecked) })
      }
      await checkpoints.close()
      // Once the worker runs, the log starts again every few slices: its file stops growing.
      const [half, end] = sizes as [(typeof sizes)[0], (typeof sizes)[0]]
      expect(end.checked - half.checked).toBeLessThan((end.unchecked - half.unchecked) / 3)
      // Every row is there, on the worker's copy too.
      const count = "SELECT count(*) FROM territorial_unit WHERE code LIKE 'B%'"
      expect(store.db.$client.prepare(count).pluck().get()).toBe(800)
    } finally {
      unchecked.close()
    }
  })

  it.each([
    [
      'no worker can start',
      () => {
        throw new Error('no worker threads here')
      },
    ],
    [
      'the worker stops',
      () => ({
        checkpoint: () => Promise.reject(new Error('the checkpoint worker stopped')),
        close: () => Promise.resolve(),
      }),
    ],
  ])('checkpoints on the app’s connection when %s', async (_, start) => {
    store = tempStore()
    const checkpoints = checkpointsInBackground(store.db.$client, 5, start)
    const unchecked = tempStore()
    try {
      for (let n = 0; n < 40; n++) {
        writeSlice(store!, n)
        writeSlice(unchecked, n)
        await checkpoints.afterSlice()
        // A turn of the loop: a worker's answer (or failure) arrives between slices.
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
      await checkpoints.close()
      expect(logFileSize(store!)).toBeLessThan(logFileSize(unchecked) / 3)
    } finally {
      unchecked.close()
    }
  })

  it('loads the driver and its addon from outside the packaged app’s asar archive', () => {
    // Here: the driver the app loads, with its addon, so the worker needs no `bindings` lookup.
    const here = driverFiles()
    expect(here.driver).toMatch(/better-sqlite3[\\/]lib[\\/]index\.js$/)
    expect(here.addon).toMatch(/better_sqlite3\.node$/)
    expect(existsSync(here.addon!)).toBe(true)
    // In the package, the unpacked copy beside the archive (worker threads cannot read inside it).
    expect(
      outsideAsar(
        'C:\\Program Files\\Rustavi\\resources\\app.asar\\node_modules\\better-sqlite3\\lib\\index.js',
      ),
    ).toBe(
      'C:\\Program Files\\Rustavi\\resources\\app.asar.unpacked\\node_modules\\better-sqlite3\\lib\\index.js',
    )
    expect(outsideAsar('/opt/rustavi/resources/app.asar/node_modules/better-sqlite3/lib/index.js')).toBe(
      '/opt/rustavi/resources/app.asar.unpacked/node_modules/better-sqlite3/lib/index.js',
    )
    const packaged = driverFiles(
      () => '/opt/rustavi/resources/app.asar/node_modules/better-sqlite3/lib/index.js',
    )
    expect(packaged).toEqual({
      driver: '/opt/rustavi/resources/app.asar.unpacked/node_modules/better-sqlite3/lib/index.js',
      // Not on this machine: the worker then falls back to the driver's own lookup.
      addon: null,
    })
  })
})
